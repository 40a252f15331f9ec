using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VideoGen.Grains.Commands;
using VideoGen.Web.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;

namespace VideoGen.Web.Pages.Projects;

/// <summary>A new project from a pasted script.</summary>
public sealed class NewModel(StudioGrains grains) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string AspectRatio { get; set; } = "16:9";

    [BindProperty]
    public string? Style { get; set; }

    [BindProperty]
    public string? Script { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!AspectRatios.TryParse(AspectRatio, out var ratio))
        {
            ModelState.AddModelError(nameof(AspectRatio), "Choose 16:9, 9:16 or 1:1.");
            return Page();
        }
        var id = Guid.CreateVersion7();
        var imported = await grains.ProjectAsync(id, g => g.Import(new ImportProject(User.GetUserId(), Name, Script, ratio.Value, Style)), ct);
        if (!imported.Succeeded)
        {
            foreach (var error in imported.Errors) ModelState.AddModelError(error.Field, error.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/Projects/{id}");
    }
}
