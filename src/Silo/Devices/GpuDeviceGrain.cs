using Microsoft.Extensions.Options;
using VideoGen.Grains.Devices;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.Devices;

/// <summary>A GPU device (ComfyUI or the preview renderer) with its image and video lanes.</summary>
public sealed class GpuDeviceGrain(LaneHost lanes, IOptions<SiloOptions> silo) : DeviceGrain(lanes, silo), IGpuDeviceGrain;
