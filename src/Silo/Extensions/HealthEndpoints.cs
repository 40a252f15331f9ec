using Microsoft.Extensions.Options;
using Orleans.Runtime;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.Extensions;

/// <summary>
/// <c>/alive</c> (the process answers) and <c>/health</c> (the store answers, which devices this
/// process drives, which cluster its silo is in, at what address and in what status).
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapVideoGenHealth(this IEndpointRouteBuilder endpoints)
    {
        // Probes (load balancers, systemd, monitoring) carry no login.
        endpoints.MapGet("/alive", () => Results.Text("alive")).AllowAnonymous();
        endpoints.MapGet("/health", async (
            SchemaMigrator migrator, Database database, IOptions<List<DeviceOptions>> devices, IOptions<SiloOptions> silo,
            ILocalSiloDetails localSilo, IClusterMembershipService membership, ILoggerFactory logs, CancellationToken ct) =>
        {
            var siloStatus = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
            var cluster = new { id = localSilo.ClusterId, silo = localSilo.SiloAddress.ToParsableString(), status = siloStatus.ToString().ToLowerInvariant() };
            // A web node that runs no silo (Silo:Enabled=false) drives no device, whatever is configured.
            string[] deviceNames = !silo.Value.Enabled ? [] :
            [
                .. devices.Value.Count == 0 ? [DeviceOptions.DefaultPreviewName] : devices.Value.Select(d => d.Name),
                silo.Value.CpuDeviceName,
            ];
            try
            {
                var version = await migrator.CurrentVersionAsync(ct);
                // A silo that is joining, stopping or declared dead takes no calls: send no traffic to it.
                var active = siloStatus == SiloStatus.Active;
                return Results.Json(new
                {
                    status = active ? "healthy" : "unhealthy",
                    store = new { provider = database.Provider.ToString().ToLowerInvariant(), schemaVersion = version, latestSchemaVersion = migrator.LatestVersion },
                    cluster,
                    devices = deviceNames,
                }, statusCode: active ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logs.CreateLogger(typeof(HealthEndpoints)).LogWarning(e, "Health check could not reach the {Provider} store", database.Provider);
                return Results.Json(new { status = "unhealthy", store = new { provider = database.Provider.ToString().ToLowerInvariant(), error = e.Message }, cluster, devices = deviceNames },
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
        return endpoints;
    }
}
