using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;

namespace VideoGen.Web.Pages;

/// <summary>The signed-in creator's account: who, since when, what they made and the GPU time it took.</summary>
public sealed class ProfileModel(UserManager<StudioUser> users, IAccountUsageStore statistics, IOptions<AccountsOptions> options) : PageModel
{
    public StudioUser Account { get; private set; } = new();

    public AccountUsage Usage { get; private set; } = new(0, 0, 0);

    /// <summary>Usage priced at <c>Accounts:PricePerGpuSecond</c>.</summary>
    public decimal EstimatedCost => (decimal)Usage.GpuSeconds * options.Value.PricePerGpuSecond;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The cookie can outlive its account; then there is nobody to show.
        if (await users.GetUserAsync(User) is not { } account) return Challenge();
        Account = account;
        Usage = await statistics.UsageOfAsync(account.Id, ct);
        return Page();
    }
}
