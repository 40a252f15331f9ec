using System.Collections.Concurrent;
using VideoGen.Silo.Lanes;

namespace VideoGen.Silo.Devices;

/// <summary>
/// This process's running lanes, for the device grains that live here: set when the silo's
/// lanes start, cleared when they stop. A grain whose lanes are not running answers as an idle
/// device and wakes nothing. The lanes drive every device this silo declares, except one whose
/// grain is known to live on another silo (two silos configured with one name): then the store's
/// hold goes to that silo, where the calls that wake the device arrive. Whether a grain can be
/// reached at all does not stop the lanes: while a frozen silo is not yet declared dead, grain
/// calls may fail, and the store alone (holds and leases) keeps the lanes going.
/// </summary>
public sealed class LaneHost
{
    private readonly ConcurrentDictionary<string, byte> _elsewhere = new();
    private volatile SiloRuntime? _runtime;

    /// <summary>Whether this silo's lanes may drive <paramref name="device"/>: its grain is not known to live elsewhere.</summary>
    public bool Drives(string device) => !_elsewhere.ContainsKey(device);

    /// <summary>The grain of <paramref name="device"/> lives here: the lanes take its hold (if free) and look for work.</summary>
    public void Drive(string device)
    {
        var yielded = _elsewhere.TryRemove(device, out _);
        if (yielded && _runtime is { } runtime) _ = runtime.HeartbeatNowAsync();
    }

    /// <summary>The grain of <paramref name="device"/> lives on another silo: this silo's lanes take no new work for it.</summary>
    public void DrivenElsewhere(string device) => _elsewhere[device] = 0;

    /// <summary>The running lanes, or null before they start and after they stop.</summary>
    public SiloRuntime? Runtime => _runtime;

    /// <summary>Makes <paramref name="runtime"/> the lanes this process's device grains drive.</summary>
    public void Attach(SiloRuntime runtime) => _runtime = runtime;

    /// <summary>Forgets <paramref name="runtime"/> if it is still the attached one.</summary>
    public void Detach(SiloRuntime runtime) => Interlocked.CompareExchange(ref _runtime, null, runtime);
}
