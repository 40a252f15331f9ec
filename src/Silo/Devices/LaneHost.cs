using System.Collections.Concurrent;
using VideoGen.Silo.Lanes;

namespace VideoGen.Silo.Devices;

/// <summary>
/// This process's running lanes, for the device grains that live here: set when the silo's
/// lanes start, cleared when they stop. A grain whose lanes are not running answers as an idle
/// device and wakes nothing. The lanes drive a device only while its grain lives here, so the
/// store's hold on a device follows Orleans' single activation of its grain.
/// </summary>
public sealed class LaneHost
{
    private readonly ConcurrentDictionary<string, byte> _driven = new();
    private volatile SiloRuntime? _runtime;

    /// <summary>Whether the grain of <paramref name="device"/> lives here, so this silo's lanes may drive it.</summary>
    public bool Drives(string device) => _driven.ContainsKey(device);

    /// <summary>The grain of <paramref name="device"/> activated here: the lanes take its hold and look for work.</summary>
    public void Drive(string device)
    {
        _driven[device] = 0;
        if (_runtime is { } runtime) _ = runtime.HeartbeatNowAsync();
    }

    /// <summary>The grain of <paramref name="device"/> left this silo: its lanes take no new work for it.</summary>
    public void Release(string device) => _driven.TryRemove(device, out _);

    /// <summary>The running lanes, or null before they start and after they stop.</summary>
    public SiloRuntime? Runtime => _runtime;

    /// <summary>Makes <paramref name="runtime"/> the lanes this process's device grains drive.</summary>
    public void Attach(SiloRuntime runtime)
    {
        _runtime = runtime;
        if (!_driven.IsEmpty) _ = runtime.HeartbeatNowAsync();
    }

    /// <summary>Forgets <paramref name="runtime"/> if it is still the attached one.</summary>
    public void Detach(SiloRuntime runtime) => Interlocked.CompareExchange(ref _runtime, null, runtime);
}
