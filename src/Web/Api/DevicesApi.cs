using VideoGen.Grains.Jobs;
using VideoGen.Web.Accounts;

namespace VideoGen.Web.Api;

/// <summary>The operator's view of the devices: <c>GET /api/v1/devices</c>.</summary>
public static class DevicesApi
{
    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/devices", async (DeviceRegistry registry, CancellationToken ct) =>
                TypedResults.Ok((await registry.ListAsync(ct)).Select(DeviceResponse.From).ToArray()))
            .RequireAuthorization(AccountPolicies.Admin);
        return api;
    }
}
