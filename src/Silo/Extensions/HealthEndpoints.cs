using Microsoft.Extensions.Options;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.Extensions;

/// <summary><c>/alive</c> (the process answers) and <c>/health</c> (the store answers, which devices this process drives).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapVideoGenHealth(this IEndpointRouteBuilder endpoints)
    {
        // Probes (load balancers, systemd, monitoring) carry no login.
        endpoints.MapGet("/alive", () => Results.Text("alive")).AllowAnonymous();
        endpoints.MapGet("/health", async (
            SchemaMigrator migrator, Database database, IOptions<List<DeviceOptions>> devices, IOptions<SiloOptions> silo, ILoggerFactory logs, CancellationToken ct) =>
        {
            // A web node that runs no silo (Silo:Enabled=false) drives no device, whatever is configured.
            string[] deviceNames = !silo.Value.Enabled ? [] :
            [
                .. devices.Value.Count == 0 ? [DeviceOptions.DefaultPreviewName] : devices.Value.Select(d => d.Name),
                silo.Value.CpuDeviceName,
            ];
            try
            {
                var version = await migrator.CurrentVersionAsync(ct);
                return Results.Json(new
                {
                    status = "healthy",
                    store = new { provider = database.Provider.ToString().ToLowerInvariant(), schemaVersion = version, latestSchemaVersion = migrator.LatestVersion },
                    devices = deviceNames,
                });
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logs.CreateLogger(typeof(HealthEndpoints)).LogWarning(e, "Health check could not reach the {Provider} store", database.Provider);
                return Results.Json(new { status = "unhealthy", store = new { provider = database.Provider.ToString().ToLowerInvariant(), error = e.Message }, devices = deviceNames },
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
        return endpoints;
    }
}
