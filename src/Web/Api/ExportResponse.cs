using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.Web.Media;

namespace VideoGen.Web.Api;

/// <summary>An export in <c>GET /api/v1/exports/{id}</c> and the gallery list; media URLs are null until the export is made.</summary>
public sealed record ExportResponse(
    Guid Id, Guid ProjectId, string ProjectName, string Status, double Progress,
    string? Url, string? ThumbnailUrl, string? SubtitlesUrl, double? Duration,
    int Width, int Height, int Fps, string Transitions, bool Subtitles, Guid JobId, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    public static ExportResponse From(ExportView export) => new(
        export.Id, export.ProjectId, export.ProjectName, StatusText(export.Status), export.Progress,
        MediaUrls.For(export.File), MediaUrls.For(export.Thumbnail), MediaUrls.For(export.SubtitlesFile), export.Duration,
        export.Width, export.Height, export.FramesPerSecond, ExportSettings.ToText(export.Transitions), export.Subtitles, export.JobId, export.Error,
        export.CreatedAt, export.FinishedAt);

    /// <summary>A job status as the API writes it: <c>queued</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c>, <c>cancelled</c>.</summary>
    public static string StatusText(JobStatus status) => status.ToString().ToLowerInvariant();
}
