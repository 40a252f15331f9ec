using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VideoGen.Web.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;
using VideoGen.Web.Exports;

namespace VideoGen.Web.Pages.Exports;

/// <summary>
/// A project's final cut: the final-cut panel on a page of its own, and the handlers the panel
/// posts to and polls wherever it is shown (the storyboard includes the same panel).
/// </summary>
public sealed class ProjectExportModel(IProjectStore projects, FinalCutReader finalCuts, StudioGrains grains) : PageModel
{
    public Guid ProjectId { get; private set; }
    public string ProjectName { get; private set; } = "";
    public FinalCutModel FinalCut { get; private set; } = null!;

    /// <summary>
    /// Every handler (and a request that names none) runs only for the viewer's own project: the
    /// ownership page filter answers 404 for any other id before this runs. Handlers read what
    /// they render: the panel is polled every 2 s while an export runs, and needs neither the
    /// project's scenes nor its name.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id))
        {
            context.Result = NotFound();
            return;
        }
        ProjectId = id;
        Response.Htmx(h => h.WithVary());
        await next();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await PanelAsync(ct) ? await PageAsync(ct) : NotFound();

    /// <summary>The panel alone, for htmx polling while an export runs.</summary>
    public async Task<IActionResult> OnGetFinalCutAsync(CancellationToken ct) => await PanelAsync(ct) ? Partial("_FinalCut", FinalCut) : NotFound();

    /// <summary>
    /// Starts an export with the panel's choices. While scenes are stale or failed, it first asks
    /// (unless <paramref name="anyway"/>): regenerate them first, or export anyway. Scenes without an
    /// asset are listed instead of starting, with the offer to regenerate them.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(string? transitions, int? fps, bool subtitles, bool anyway, CancellationToken ct)
    {
        var settings = ExportSettings.Read(subtitles, transitions, fps ?? finalCuts.DefaultFramesPerSecond);
        if (!settings.Succeeded) return BadRequest(string.Join(" ", settings.Errors.Select(e => e.Message)));
        if (!await PanelAsync(ct)) return NotFound();
        if (!anyway && FinalCut.Unready.Count > 0 && FinalCut.CanExportAnyway)
        {
            FinalCut = FinalCut with { Asking = settings.Value };
            return await AnswerAsync(ct);
        }

        var (request, owner) = (Guid.NewGuid(), User.GetUserId());
        var start = await grains.ProjectAsync(ProjectId, g => g.StartExport(request, owner, settings.Value), ct);
        if (start.Status == ExportStartStatus.ProjectNotFound) return NotFound();
        if (start.Status == ExportStartStatus.Started && !Request.IsHtmx()) return RedirectToPage(new { id = ProjectId });
        if (!await PanelAsync(ct)) return NotFound();
        if (start.Status == ExportStartStatus.Incomplete) FinalCut = FinalCut with { Incomplete = start.Incomplete, Asking = settings.Value };
        return await AnswerAsync(ct);
    }

    /// <summary>"Regenerate them first": queues what keeps the scenes from a current final cut, and answers the panel.</summary>
    public async Task<IActionResult> OnPostRegenerateFirstAsync(CancellationToken ct)
    {
        var request = Guid.NewGuid();
        if (await grains.ProjectAsync(ProjectId, g => g.RegenerateUnready(request), ct) is null) return NotFound();
        return await PanelAsync(ct) ? await AnswerAsync(ct) : NotFound();
    }

    /// <summary>Reads the panel of the viewer's project; false when it is not theirs.</summary>
    private async Task<bool> PanelAsync(CancellationToken ct)
    {
        if (await finalCuts.ReadAsync(ProjectId, User.GetUserId(), ct) is not { } panel) return false;
        FinalCut = panel;
        return true;
    }

    /// <summary>The panel for htmx, the whole page otherwise.</summary>
    private async Task<IActionResult> AnswerAsync(CancellationToken ct) => Request.IsHtmx() ? Partial("_FinalCut", FinalCut) : await PageAsync(ct);

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        if (await projects.GetAsync(ProjectId, User.GetUserId(), ct) is not { } project) return NotFound();
        ProjectName = project.Name;
        return Page();
    }
}
