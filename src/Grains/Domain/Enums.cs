namespace VideoGen.Grains.Domain;

/// <summary>How the camera moves over the start image of a scene's clip.</summary>
public enum CameraMovement
{
    Static = 0,
    ZoomIn = 1,
    ZoomOut = 2,
    PanLeft = 3,
    PanRight = 4,
    TiltUp = 5,
    TiltDown = 6,
}

/// <summary>The three generated assets of a sentence.</summary>
public enum AssetKind
{
    Image = 1,
    Video = 2,
    Audio = 3,
}

/// <summary>Where the generation of one asset of a sentence stands.</summary>
public enum AssetStatus
{
    Idle = 0,
    Queued = 1,
    Running = 2,
    Failed = 3,
}

/// <summary>What a generation job produces.</summary>
public enum JobKind
{
    Image = 1,
    Video = 2,
    Audio = 3,
    Export = 4,
}

/// <summary>The life of a job: queued → running → succeeded | failed | cancelled.</summary>
public enum JobStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    Cancelled = 4,
}

/// <summary>
/// A device runs at most one job per lane at a time: the image and video lanes hold the
/// GPU's two workflows, the CPU lane narration and export work.
/// </summary>
public enum Lane
{
    Image = 1,
    Video = 2,
    Cpu = 3,
}

/// <summary>
/// What drives a device: a ComfyUI server, the built-in ffmpeg preview renderer, or the CPU of
/// a silo's machine (narration and exports).
/// </summary>
public enum DeviceKind
{
    Preview = 1,
    ComfyUi = 2,
    Cpu = 3,
}

/// <summary>Interactive work (one creator clicking regenerate) goes ahead of bulk work.</summary>
public enum JobPriority
{
    Interactive = 0,
    Bulk = 1,
}
