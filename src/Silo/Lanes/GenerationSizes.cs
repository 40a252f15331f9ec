using VideoGen.Grains.Domain;

namespace VideoGen.Silo.Lanes;

/// <summary>
/// The frame size each kind of device renders at: SDXL's native sizes for images, Wan 2.2's
/// 480p sizes for clips, and small frames on the CPU preview so an animatic renders quickly.
/// </summary>
public static class GenerationSizes
{
    public static (int Width, int Height) For(DeviceKind device, JobKind job, AspectRatio ratio) => (device, job, ratio) switch
    {
        (DeviceKind.ComfyUi, JobKind.Image, AspectRatio.Landscape) => (1344, 768),
        (DeviceKind.ComfyUi, JobKind.Image, AspectRatio.Portrait) => (768, 1344),
        (DeviceKind.ComfyUi, JobKind.Image, _) => (1024, 1024),
        (DeviceKind.ComfyUi, _, AspectRatio.Landscape) => (832, 480),
        (DeviceKind.ComfyUi, _, AspectRatio.Portrait) => (480, 832),
        (DeviceKind.ComfyUi, _, _) => (640, 640),
        (_, _, AspectRatio.Landscape) => (640, 360),
        (_, _, AspectRatio.Portrait) => (360, 640),
        _ => (480, 480),
    };
}
