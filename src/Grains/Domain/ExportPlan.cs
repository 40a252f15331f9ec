namespace VideoGen.Grains.Domain;

/// <summary>
/// Everything an export job renders from: the export's settings and frame size, and the
/// project's scenes in narration order as they were when the job was claimed.
/// </summary>
public sealed record ExportPlan(
    Guid ExportId, Guid ProjectId, int Width, int Height, int FramesPerSecond, ExportTransition Transitions, bool Subtitles,
    IReadOnlyList<ExportScene> Scenes)
{
    /// <summary>The scenes that still lack an image, a clip or narration.</summary>
    public IReadOnlyList<ExportScene> Incomplete => ExportRules.Incomplete(Scenes);
}
