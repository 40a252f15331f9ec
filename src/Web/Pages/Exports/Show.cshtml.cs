using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;
using VideoGen.Web.Commands;
using VideoGen.Web.Exports;

namespace VideoGen.Web.Pages.Exports;

/// <summary>One exported video: the player, its downloads, cancel while it renders, and delete with confirmation.</summary>
public sealed class ShowModel(ExportReader exports, ExportDeletion deletion, StudioGrains grains) : PageModel
{
    public ExportView Export { get; private set; } = null!;

    /// <summary>Shown on the gallery after a delete.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>Every handler (and a request that names none) runs only for the viewer's own export; any other id is 404.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var export = Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id)
            ? await exports.GetAsync(id, User.GetUserId(), HttpContext.RequestAborted)
            : null;
        if (export is null)
        {
            context.Result = NotFound();
            return;
        }
        Export = export;
        Response.Htmx(h => h.WithVary());
        await next();
    }

    public IActionResult OnGet() => Page();

    /// <summary>The player (or the progress while rendering), for htmx polling.</summary>
    public IActionResult OnGetPlayer() => Partial("_ExportPlayer", Export);

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        await grains.ProjectAsync(Export.ProjectId, g => g.CancelJob(Export.JobId), ct);
        return RedirectToPage(new { id = Export.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!await deletion.DeleteAsync(Export.Id, User.GetUserId(), ct)) return NotFound();
        Message = $"The video of {Export.ProjectName} was deleted.";
        return RedirectToPage("/Gallery");
    }
}
