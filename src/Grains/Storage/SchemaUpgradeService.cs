using Microsoft.Extensions.Hosting;

namespace VideoGen.Grains.Storage;

/// <summary>Upgrades the schema before the host starts serving or running jobs.</summary>
internal sealed class SchemaUpgradeService(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.UpgradeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
