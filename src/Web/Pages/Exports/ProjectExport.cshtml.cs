using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
public sealed class ProjectExportModel(IProjectStore projects, FinalCutReader finalCuts, ExportScheduler exports) : PageModel
{
    public Guid ProjectId { get; private set; }
    public string ProjectName { get; private set; } = "";
    public FinalCutModel FinalCut { get; private set; } = null!;

    /// <summary>Every handler (and a request that names none) runs only for the viewer's own project; any other id is 404.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var ct = HttpContext.RequestAborted;
        var project = Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id) ? await projects.GetAsync(id, User.GetUserId(), ct) : null;
        if (project is null)
        {
            context.Result = NotFound();
            return;
        }
        (ProjectId, ProjectName) = (project.Id, project.Name);
        FinalCut = await finalCuts.ReadAsync(project.Id, ct);
        Response.Headers.Vary = "HX-Request";
        await next();
    }

    public IActionResult OnGet() => Page();

    /// <summary>The panel alone, for htmx polling while an export runs.</summary>
    public IActionResult OnGetFinalCut() => Partial("_FinalCut", FinalCut);

    /// <summary>Starts an export with the panel's choices; the scenes that are not ready are listed instead.</summary>
    public async Task<IActionResult> OnPostAsync(string? transitions, int? fps, bool subtitles, CancellationToken ct)
    {
        var transition = string.IsNullOrEmpty(transitions) ? ExportTransition.Cut : ExportSettings.ParseTransition(transitions);
        var settings = new ExportSettings(subtitles, transition ?? ExportTransition.Cut, fps ?? FinalCut.DefaultFramesPerSecond);
        if (transition is null || settings.Problem() is not null) return BadRequest();

        var start = await exports.StartAsync(ProjectId, User.GetUserId(), settings, ct);
        if (start.Status == ExportStartStatus.ProjectNotFound) return NotFound();
        FinalCut = start.Status == ExportStartStatus.Incomplete
            ? FinalCut with { Incomplete = start.Incomplete }
            : await finalCuts.ReadAsync(ProjectId, ct);
        if (Request.Headers.ContainsKey("HX-Request")) return Partial("_FinalCut", FinalCut);
        return start.Status == ExportStartStatus.Started ? RedirectToPage(new { id = ProjectId }) : Page();
    }
}
