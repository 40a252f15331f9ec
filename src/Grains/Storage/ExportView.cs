using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>A final cut as pages and the API show it: its project, its job's state, and its files once made.</summary>
public sealed record ExportView(
    Guid Id, Guid ProjectId, string ProjectName, Guid JobId, JobStatus Status, double Progress,
    int Width, int Height, int FramesPerSecond, ExportTransition Transitions, bool Subtitles,
    string? File, string? Thumbnail, string? SubtitlesFile, double? Duration, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    /// <summary>Whether the export is still waiting or rendering.</summary>
    public bool IsActive => Status is JobStatus.Queued or JobStatus.Running;
}
