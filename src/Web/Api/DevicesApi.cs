using VideoGen.Web.Accounts;
using VideoGen.Web.Devices;

namespace VideoGen.Web.Api;

/// <summary>The operator's view of the devices (<c>GET /api/v1/devices</c>) and of the cluster's silos and queues (<c>GET /api/v1/cluster</c>).</summary>
public static class DevicesApi
{
    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/devices", async (ClusterOverview overview, CancellationToken ct) =>
                TypedResults.Ok((await overview.ReadAsync(ct)).Devices.Select(DeviceResponse.From).ToArray()))
            .RequireAuthorization(AccountPolicies.Admin);
        api.MapGet("/cluster", async (ClusterOverview overview, CancellationToken ct) =>
                TypedResults.Ok(ClusterResponse.From(await overview.ReadAsync(ct))))
            .RequireAuthorization(AccountPolicies.Admin);
        return api;
    }
}
