using Microsoft.Extensions.Options;
using VideoGen.Grains.Devices;
using VideoGen.Grains.Domain;
using VideoGen.Silo.Options;
using VideoGen.Silo.Placement;

namespace VideoGen.Silo.Devices;

/// <summary>
/// A device's grain, on the silo that declares the device (<see cref="DeviceHostPlacementAttribute"/>)
/// and kept there for the silo's life. Its calls are short: the lanes run their jobs on their own
/// tasks, so a wake or a cancel is answered at once even while a job renders.
/// </summary>
[KeepAlive, DeviceHostPlacement]
public abstract class DeviceGrain(LaneHost lanes, IOptions<SiloOptions> silo) : Grain, IDeviceGrain
{
    private string Name => this.GetPrimaryKeyString();

    /// <summary>This silo's lanes drive the device: the calls that wake it arrive here.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        lanes.Drive(Name);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Start() => Task.CompletedTask;

    /// <inheritdoc />
    public Task Wake(Lane[] kinds)
    {
        lanes.Runtime?.Wake(Name, kinds);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> CancelRunning(Guid jobId) => Task.FromResult(lanes.Runtime?.CancelRunning(Name, jobId) ?? false);

    /// <inheritdoc />
    public Task<IReadOnlyList<LaneActivity>> Lanes() => Task.FromResult(lanes.Runtime?.Activity(Name) ?? []);

    /// <inheritdoc />
    public Task<string> Silo() => Task.FromResult(silo.Value.Name);
}
