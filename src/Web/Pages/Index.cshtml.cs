using Microsoft.AspNetCore.Mvc.RazorPages;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;

namespace VideoGen.Web.Pages;

/// <summary>The signed-in creator's projects.</summary>
public sealed class IndexModel(IProjectStore projects) : PageModel
{
    public IReadOnlyList<ProjectSummary> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Projects = await projects.ListAsync(User.GetUserId(), ct);
}
