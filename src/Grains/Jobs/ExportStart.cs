using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Jobs;

/// <summary>How a request for a final cut was answered.</summary>
public enum ExportStartStatus
{
    /// <summary>The export and its job are queued.</summary>
    Started = 0,

    /// <summary>The project does not exist (or is not the caller's).</summary>
    ProjectNotFound = 1,

    /// <summary>Some scenes lack an image, a clip or narration; nothing was queued.</summary>
    Incomplete = 2,
}

/// <summary>The answer to a request for a final cut: the queued export, or why there is none.</summary>
[GenerateSerializer, Alias("VideoGen.ExportStart")]
public sealed record ExportStart(ExportStartStatus Status, Guid ExportId, Guid JobId, IReadOnlyList<ExportScene> Incomplete)
{
    public static ExportStart Started(Guid exportId, Guid jobId) => new(ExportStartStatus.Started, exportId, jobId, []);

    public static readonly ExportStart ProjectNotFound = new(ExportStartStatus.ProjectNotFound, Guid.Empty, Guid.Empty, []);

    public static ExportStart Missing(IReadOnlyList<ExportScene> scenes) => new(ExportStartStatus.Incomplete, Guid.Empty, Guid.Empty, scenes);
}
