using Microsoft.Extensions.Options;
using VideoGen.Grains.Jobs;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.Lanes;

/// <summary>
/// Hosts this process's lanes when <c>Silo:Enabled</c>: starts them with the configured devices
/// once the schema is up to date, lends them to the device grains that live here, and drains them when the host stops (no new claims; running jobs get
/// <c>Silo:DrainGraceSeconds</c>, then go back to the queue for another silo).
/// </summary>
internal sealed class SiloService(
    SiloIdentity identity, IDeviceSource devices, IJobQueue queue, DeviceRegistry registry, LaneHost lanes,
    MediaFiles media, QueueTimings timings, IOptions<SiloOptions> options, ILoggerFactory logs) : IHostedService, IAsyncDisposable
{
    private SiloRuntime? _runtime;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return;
        _runtime = new SiloRuntime(identity, devices.Build(), queue, registry, media, timings, logs, lanes.Drives);
        await _runtime.StartAsync(cancellationToken);
        lanes.Attach(_runtime);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_runtime is null) return;
        await _runtime.StopAsync(TimeSpan.FromSeconds(options.Value.DrainGraceSeconds));
        lanes.Detach(_runtime);
    }

    public async ValueTask DisposeAsync()
    {
        if (_runtime is not null) await _runtime.DisposeAsync();
    }
}
