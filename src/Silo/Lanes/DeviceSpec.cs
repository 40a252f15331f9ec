using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.Lanes;

/// <summary>A device a silo drives: its registry entry and the backend behind each of its lanes.</summary>
public sealed record DeviceSpec(GpuDevice Device, IReadOnlyDictionary<Lane, IDeviceBackend> Backends);
