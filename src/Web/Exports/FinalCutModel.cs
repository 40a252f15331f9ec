using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Exports;

/// <summary>
/// What the final-cut panel (<c>Pages/Shared/_FinalCut.cshtml</c>) shows for a project: its newest
/// export and how far it is, whether a scene changed since the newest finished export read the
/// scenes, which scenes are stale, failed or missing now, and the export form (with the scenes that
/// kept the last request from starting, or the question asked before exporting unready scenes).
/// </summary>
public sealed record FinalCutModel(Guid ProjectId, ExportView? Latest, bool IsOutOfDate, int DefaultFramesPerSecond)
{
    /// <summary>The scenes that lack an image, a clip or narration, when the last request was refused for them.</summary>
    public IReadOnlyList<ExportScene> Incomplete { get; init; } = [];

    /// <summary>The scenes a final cut made now would show missing, failed or out of date, in narration order.</summary>
    public IReadOnlyList<UnreadyScene> Unready { get; init; } = [];

    /// <summary>
    /// The settings of an export the creator asked for while scenes were unready: the panel asks
    /// whether to regenerate them first or export anyway; null when nothing is being asked.
    /// </summary>
    public ExportSettings? Asking { get; init; }

    /// <summary>The settings the form shows: those being asked about, else the defaults.</summary>
    public ExportSettings Settings => Asking ?? new ExportSettings(false, ExportTransition.Cut, DefaultFramesPerSecond);

    /// <summary>Whether "export anyway" can be offered: a scene without an asset cannot be in any final cut.</summary>
    public bool CanExportAnyway => Unready.All(s => s.Problem != SceneProblem.Missing);

    /// <summary>The URL the panel posts to and polls.</summary>
    public string Url => $"/Projects/{ProjectId}/Export";

    /// <summary>Whether the newest export is still waiting or rendering (the panel refreshes itself meanwhile).</summary>
    public bool IsActive => Latest?.IsActive == true;

    /// <summary>How many unready scenes have <paramref name="problem"/>.</summary>
    public int Count(SceneProblem problem) => Unready.Count(s => s.Problem == problem);
}
