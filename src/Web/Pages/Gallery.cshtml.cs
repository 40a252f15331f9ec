using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;
using VideoGen.Web.Api;

namespace VideoGen.Web.Pages;

/// <summary>The signed-in creator's exported videos: a thumbnail grid, searchable by project name and filtered by status.</summary>
public sealed class GalleryModel(ExportReader exports) : PageModel
{
    /// <summary>Part of the project name to look for.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>One of <see cref="ExportStatusFilter.Choices"/>; empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Left by the video page after a delete.</summary>
    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<ExportView> Exports { get; private set; } = [];

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrEmpty(Status);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ExportStatusFilter.TryParse(Status, out var statuses)) return BadRequest();
        Exports = await exports.ListAsync(User.GetUserId(), Q, statuses, ct);
        Response.Htmx(h => h.WithVary());
        return Request.IsHtmx() ? Partial("_GalleryGrid", this) : Page();
    }
}
