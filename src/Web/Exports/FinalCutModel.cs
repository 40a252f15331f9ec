using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Exports;

/// <summary>
/// What the final-cut panel (<c>Pages/Shared/_FinalCut.cshtml</c>) shows for a project: its newest
/// export and how far it is, whether a scene changed since the newest finished export read the
/// scenes, and the export form (with the scenes that kept the last request from starting).
/// </summary>
public sealed record FinalCutModel(Guid ProjectId, ExportView? Latest, bool IsOutOfDate, int DefaultFramesPerSecond)
{
    /// <summary>The scenes that lack an image, a clip or narration, when the last request was refused for them.</summary>
    public IReadOnlyList<ExportScene> Incomplete { get; init; } = [];

    /// <summary>The URL the panel posts to and polls.</summary>
    public string Url => $"/Projects/{ProjectId}/Export";

    /// <summary>Whether the newest export is still waiting or rendering (the panel refreshes itself meanwhile).</summary>
    public bool IsActive => Latest?.IsActive == true;
}
