using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VideoGen.Web.Accounts;
using VideoGen.Web.Devices;

namespace VideoGen.Web.Pages;

/// <summary>
/// The operator's page: every silo of the cluster from membership, every device with the silo driving
/// it, what each lane runs and why a device takes no work, and the queues per lane kind with when they drain.
/// </summary>
[Authorize(Policy = AccountPolicies.Admin)]
public sealed class DevicesModel(ClusterOverview overview) : PageModel
{
    public ClusterView? Cluster { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Cluster = await overview.ReadAsync(ct);

    /// <summary>The overview alone, for the page's 5-second htmx poll.</summary>
    public async Task<PartialViewResult> OnGetTableAsync(CancellationToken ct)
    {
        Response.Htmx(h => h.WithVary());
        return Partial("_ClusterOverview", await overview.ReadAsync(ct));
    }
}
