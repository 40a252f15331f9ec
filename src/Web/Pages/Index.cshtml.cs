using Microsoft.AspNetCore.Mvc.RazorPages;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Pages;

/// <summary>The projects list.</summary>
public sealed class IndexModel(IProjectStore projects) : PageModel
{
    public IReadOnlyList<ProjectSummary> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Projects = await projects.ListAsync(ct);
}
