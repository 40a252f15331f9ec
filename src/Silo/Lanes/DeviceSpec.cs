using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.Lanes;

/// <summary>
/// A device a silo drives: its registry entry, the backend behind each of its lanes, and the
/// longest clip its video workflow may make, in frames (4k+1; Wan 2.2's sweet spot by default).
/// </summary>
public sealed record DeviceSpec(GpuDevice Device, IReadOnlyDictionary<Lane, IDeviceBackend> Backends, int MaxFrames = ClipLength.DefaultMaxFrames);
