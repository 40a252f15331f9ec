using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VideoGen.Grains.Jobs;
using VideoGen.Web.Accounts;

namespace VideoGen.Web.Pages;

/// <summary>The operator's page: every device, the silo driving it, what each lane runs, its counts.</summary>
[Authorize(Policy = AccountPolicies.Admin)]
public sealed class DevicesModel(DeviceRegistry registry) : PageModel
{
    public IReadOnlyList<DeviceSnapshot> Devices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Devices = await registry.ListAsync(ct);

    /// <summary>The device table alone, for the page's 5-second htmx poll.</summary>
    public async Task<PartialViewResult> OnGetTableAsync(CancellationToken ct)
    {
        Response.Htmx(h => h.WithVary());
        return Partial("_DeviceTable", await registry.ListAsync(ct));
    }
}
