using Orleans.Concurrency;
using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Devices;

/// <summary>
/// A device, keyed by its name, living on the silo that declares it: the address of its lanes on
/// the cluster. Its lanes take one job each at a time and do the long work off the grain's turn;
/// the grain is how the rest of the cluster wakes them and stops what they run.
/// </summary>
[Alias("VideoGen.IDeviceGrain")]
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>Activates the grain on its silo (called when the silo starts); changes nothing.</summary>
    [Alias("Start")]
    Task Start();

    /// <summary>Work was queued for <paramref name="lanes"/>: the device's idle lanes of those kinds look for it now.</summary>
    [Alias("Wake"), OneWay]
    Task Wake(Lane[] lanes);

    /// <summary>Stops the running job <paramref name="jobId"/> (its ComfyUI prompt is interrupted); false when no lane of this device runs it.</summary>
    [Alias("CancelRunning")]
    Task<bool> CancelRunning(Guid jobId);

    /// <summary>What each lane runs now.</summary>
    [Alias("Lanes")]
    Task<IReadOnlyList<LaneActivity>> Lanes();

    /// <summary>The name of the silo the grain lives on (the one that drives the device).</summary>
    [Alias("Silo")]
    Task<string> Silo();
}

/// <summary>A GPU device (ComfyUI or the preview renderer): an image lane and a video lane.</summary>
[Alias("VideoGen.IGpuDeviceGrain")]
public interface IGpuDeviceGrain : IDeviceGrain;

/// <summary>A silo's CPU device: one lane for narration and exports.</summary>
[Alias("VideoGen.ICpuDeviceGrain")]
public interface ICpuDeviceGrain : IDeviceGrain;
