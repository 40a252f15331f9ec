using Microsoft.Extensions.Options;
using VideoGen.Grains.Jobs;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.Lanes;

/// <summary>
/// Hosts this process's silo when <c>Silo:Enabled</c>: starts it with the configured devices
/// once the schema is up to date, and drains it when the host stops (no new claims; running jobs get
/// <c>Silo:DrainGraceSeconds</c>, then go back to the queue for another silo).
/// </summary>
internal sealed class SiloService(
    SiloIdentity identity, DeviceCatalog catalog, IJobQueue queue, DeviceRegistry registry, JobSignal signal,
    MediaFiles media, QueueTimings timings, IOptions<SiloOptions> options, ILoggerFactory logs) : IHostedService, IAsyncDisposable
{
    private SiloRuntime? _runtime;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return;
        _runtime = new SiloRuntime(identity, catalog.Build(), queue, registry, signal, media, timings, logs);
        await _runtime.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_runtime is not null) await _runtime.StopAsync(TimeSpan.FromSeconds(options.Value.DrainGraceSeconds));
    }

    public async ValueTask DisposeAsync()
    {
        if (_runtime is not null) await _runtime.DisposeAsync();
    }
}
