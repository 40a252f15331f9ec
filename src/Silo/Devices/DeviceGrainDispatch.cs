using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using VideoGen.Grains.Devices;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;

namespace VideoGen.Silo.Devices;

/// <summary>
/// Dispatch on the cluster: queued work wakes the device grains that have a lane of that kind,
/// on every active silo, as the silos' metadata declares them; a cancel goes to the grain of the
/// device that runs the job. The claim query still decides which job a woken lane takes (interactive
/// before bulk, fair between projects, a clip after its narration), so waking every such device is
/// safe: one takes the job, the others find nothing and go back to waiting.
/// </summary>
internal sealed class DeviceGrainDispatch(
    IGrainFactory grains, IClusterMembershipService membership, ISiloMetadataCache metadata, ILogger<DeviceGrainDispatch> logger) : ILaneDispatch
{
    public void WorkQueued(IReadOnlyCollection<Lane> lanes)
    {
        var kinds = lanes.ToArray();
        foreach (var device in Declared().Where(d => d.Lanes.Any(kinds.Contains)))
            Forget(Grain(device).Wake(kinds), device.Name, "wake");
    }

    public void CancelRequested(string device, Guid jobId)
    {
        if (Declared().FirstOrDefault(d => d.Name == device) is { } declared)
            Forget(Grain(declared).CancelRunning(jobId), device, "cancel");
        else
            // Its silo left the cluster: the job's lease lapses and the job is rescued, already marked cancelled.
            logger.LogInformation("Job {JobId} was cancelled on device {DeviceName}, which no active silo declares", jobId, device);
    }

    /// <summary>Every device declared by an active silo, once by name.</summary>
    private IEnumerable<DeviceDeclaration> Declared() => membership.CurrentSnapshot.Members.Values
        .Where(m => m.Status == SiloStatus.Active)
        .SelectMany(m => metadata.GetSiloMetadata(m.SiloAddress).Metadata)
        .Select(e => DeviceDeclaration.TryParse(e.Key, e.Value, out var device) ? device : null)
        .OfType<DeviceDeclaration>()
        .DistinctBy(d => d.Name);

    private IDeviceGrain Grain(DeviceDeclaration device) => device.IsGpu
        ? grains.GetGrain<IGpuDeviceGrain>(device.Name)
        : grains.GetGrain<ICpuDeviceGrain>(device.Name);

    private void Forget(Task call, string device, string what) =>
        call.ContinueWith(
            t => logger.LogWarning(t.Exception?.GetBaseException(), "The {What} call to device {DeviceName} failed; its lanes' slow poll stands in", what, device),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
