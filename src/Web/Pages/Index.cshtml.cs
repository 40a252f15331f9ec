using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;
using VideoGen.Web.Media;
using VideoGen.Web.Projects;

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
        Thumbnails = (await projects.ThumbnailsAsync(owner, ct)).ToDictionary(t => t.Key, t => MediaUrls.For(t.Value)!);
    }

    /// <summary>Deletes a project with its jobs and files; answers an empty row for htmx to swap in.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, [FromServices] ProjectDeletion deletion, CancellationToken ct)
    {
        if (!await deletion.DeleteAsync(id, User.GetUserId(), ct)) return NotFound();
        return Content("", "text/html");
    }
}
