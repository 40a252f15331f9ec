namespace VideoGen.Silo.Devices;

/// <summary>
/// A job's turn at its lane's device. The lane claims the next job while one computes and hands
/// each its turn in order: a backend that prepares ahead (<see cref="IDeviceBackend.PreparesAhead"/>)
/// prepares its work (inputs uploaded, graph filled), waits for its turn before it sends anything
/// to the device, and leaves the moment the device has finished with the work, before it fetches
/// the output, so the next job starts while this one is stored.
/// </summary>
public sealed class DeviceTurn
{
    private readonly Func<CancellationToken, Task> _wait;
    private readonly Action _leave;

    /// <param name="wait">Completes when the device is this job's: the job ahead left it, and the store agrees.</param>
    /// <param name="leave">Tells the lane the device is free; the first call counts, later ones change nothing.</param>
    public DeviceTurn(Func<CancellationToken, Task> wait, Action leave)
    {
        _wait = wait;
        _leave = leave;
    }

    /// <summary>A turn that is the work's already and has nobody to tell when it ends: the device is not shared.</summary>
    public static DeviceTurn Alone => new(_ => Task.CompletedTask, () => { });

    /// <summary>Waits until the device is this work's; throws when <paramref name="ct"/> is cancelled first.</summary>
    public Task WaitAsync(CancellationToken ct) => _wait(ct);

    /// <summary>The device has finished with this work (or never will take it): the lane's next job may have it.</summary>
    public void Leave() => _leave();
}
