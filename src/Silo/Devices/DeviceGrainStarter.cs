using Microsoft.Extensions.Options;
using Orleans.Runtime;
using VideoGen.Grains.Devices;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.Devices;

/// <summary>
/// Activates this silo's device grains as soon as the silo is active, so the cluster can reach
/// its lanes before anyone asks, and keeps them active. Tries again while the silo is joining (a
/// call can fail until membership settles); stops only when the silo stops.
/// </summary>
internal sealed class DeviceGrainStarter(
    LocalDevices local, IGrainFactory grains, LaneHost lanes, IOptions<SiloOptions> silo, ILogger<DeviceGrainStarter> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often a started grain is called again: a grain lost with the silo that drove it (two silos
    /// declaring one name) comes back on a silo that declares it, even while no work is queued.
    /// </summary>
    private static readonly TimeSpan KeepActiveInterval = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stopping = new();
    private Task _started = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe<DeviceGrainStarter>(ServiceLifecycleStage.Active,
        _ =>
        {
            _started = Task.WhenAll(local.Devices.Select(d => Task.Run(() => StartAsync(d, _stopping.Token))));
            return Task.CompletedTask;
        },
        async _ =>
        {
            await _stopping.CancelAsync();
            await _started;
        });

    private async Task StartAsync(DeviceDeclaration device, CancellationToken ct)
    {
        string? driver = null;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var grain = device.IsGpu ? (IDeviceGrain)grains.GetGrain<IGpuDeviceGrain>(device.Name) : grains.GetGrain<ICpuDeviceGrain>(device.Name);
                await grain.Start();
                var host = await grain.Silo();
                if (host != driver) Report(device, driver = host);
                await Task.Delay(KeepActiveInterval, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Device grain {DeviceName} did not start; trying again", device.Name);
                try { await Task.Delay(RetryDelay, ct); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private void Report(DeviceDeclaration device, string host)
    {
        if (host == silo.Value.Name)
        {
            lanes.Drive(device.Name);
            logger.LogInformation("Device grain {DeviceName} is active on silo {Silo}", device.Name, host);
            return;
        }
        // Two silos configured with one device name: the one whose grain it is drives it.
        lanes.DrivenElsewhere(device.Name);
        logger.LogWarning("Device {DeviceName} is declared by silo {Silo} too, but silo {Host} drives it", device.Name, silo.Value.Name, host);
    }
}
