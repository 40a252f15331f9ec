namespace VideoGen.Silo.Options;

/// <summary>One entry of the <c>Devices</c> list: a ComfyUI server (one GPU) or the CPU preview renderer.</summary>
public sealed class DeviceOptions
{
    public const string Section = "Devices";

    /// <summary>The device used when no device is configured.</summary>
    public const string DefaultPreviewName = "cpu-preview";

    public string Name { get; set; } = "";

    /// <summary><c>comfyui</c> or <c>preview</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>ComfyUI base URL, e.g. http://127.0.0.1:8188.</summary>
    public string? Url { get; set; }

    /// <summary>A second ComfyUI for the video lane; the same server as <see cref="Url"/> by default.</summary>
    public string? VideoUrl { get; set; }

    /// <summary>API-format text-to-image template; the built-in SDXL template by default.</summary>
    public string? ImageWorkflow { get; set; }

    /// <summary>API-format image-to-video template; the built-in Wan 2.2 template by default.</summary>
    public string? VideoWorkflow { get; set; }

    /// <summary>
    /// The longest clip the video workflow may make, in frames (4k+1; a value between is rounded
    /// down to one). A narration longer than that is covered in the export by holding or slowing the clip.
    /// </summary>
    public int MaxFrames { get; set; } = Grains.Domain.ClipLength.DefaultMaxFrames;
}
