using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Lanes;
using VideoGen.Web.Accounts;
using VideoGen.Web.Api;

namespace VideoGen.Web.Pages;

/// <summary>The signed-in creator's projects: open, create, delete.</summary>
public sealed class IndexModel(IProjectStore projects) : PageModel
{
    public IReadOnlyList<ProjectSummary> Projects { get; private set; } = [];

    /// <summary>The first generated image of each project, as its thumbnail.</summary>
    public IReadOnlyDictionary<Guid, string> Thumbnails { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var owner = User.GetUserId();
        Projects = await projects.ListAsync(owner, ct);
        Thumbnails = (await projects.ThumbnailsAsync(owner, ct)).ToDictionary(t => t.Key, t => MediaUrl.For(t.Value)!);
    }

    /// <summary>Deletes a project with its jobs and files; answers an empty row for htmx to swap in.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, [FromServices] IOwnedResources owned, [FromServices] JobScheduler scheduler,
        [FromServices] MediaFiles media, CancellationToken ct)
    {
        var owner = User.GetUserId();
        if (!await owned.OwnsProjectAsync(id, owner, ct)) return NotFound();
        await scheduler.CancelProjectAsync(id, ct);
        await projects.DeleteAsync(id, owner, ct);
        media.DeleteProject(id);
        return Content("", "text/html");
    }
}
