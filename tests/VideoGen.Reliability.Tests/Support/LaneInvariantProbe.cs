using VideoGen.TestSupport;

namespace VideoGen.Reliability.Tests.Support;

/// <summary>
/// Samples the lane invariant in the store while a test runs: how many jobs are on the device for
/// each lane (image, video) of each device. Remembers the worst sample; a sample the store could not
/// answer (it is down on purpose) is counted apart.
/// </summary>
internal sealed class LaneInvariantProbe : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private int _worst;
    private int _samples;
    private int _unanswered;
    private string? _worstLane;

    private LaneInvariantProbe(TestDatabase database)
    {
        _database = database;
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>Starts sampling at once.</summary>
    public static LaneInvariantProbe Start(TestDatabase database) => new(database);

    /// <summary>The most jobs ever seen running on one lane of one device.</summary>
    public int Worst => Volatile.Read(ref _worst);

    /// <summary>Where the worst sample was (device/lane), for the failure message.</summary>
    public string? WorstLane => Volatile.Read(ref _worstLane);

    public int Samples => Volatile.Read(ref _samples);
    public int Unanswered => Volatile.Read(ref _unanswered);

    /// <summary>Stops sampling and waits for the last sample.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var lanes = await _database.JobsOnEachDeviceLaneAsync(_stop.Token);
                foreach (var lane in lanes.Where(l => l.OnDevice > Worst))
                {
                    Volatile.Write(ref _worst, lane.OnDevice);
                    Volatile.Write(ref _worstLane, $"{lane.Device}/lane {lane.Lane}");
                }
                Interlocked.Increment(ref _samples);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                Interlocked.Increment(ref _unanswered);
            }
            try { await Task.Delay(5, _stop.Token); }
            catch (OperationCanceledException) { return; }
        }
    }
}
