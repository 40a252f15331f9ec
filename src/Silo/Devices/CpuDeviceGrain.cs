using Microsoft.Extensions.Options;
using VideoGen.Grains.Devices;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.Devices;

/// <summary>A silo's CPU device with its one lane for narration and exports.</summary>
public sealed class CpuDeviceGrain(LaneHost lanes, IOptions<SiloOptions> silo) : DeviceGrain(lanes, silo), ICpuDeviceGrain;
