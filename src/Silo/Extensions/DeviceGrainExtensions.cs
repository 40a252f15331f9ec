using Orleans.Runtime.MembershipService.SiloMetadata;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Scenes;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Placement;

namespace VideoGen.Silo.Extensions;

/// <summary>Makes a silo a host of device grains: its devices in its metadata, their placement, their start, and dispatch through them.</summary>
public static class DeviceGrainExtensions
{
    /// <summary>
    /// Declares <paramref name="devices"/> in the silo's metadata, places device grains only on
    /// silos that declare them, activates this silo's device grains when it starts, and wakes
    /// lanes (and stops cancelled jobs) by calling the device grains.
    /// </summary>
    public static ISiloBuilder AddDeviceGrains(this ISiloBuilder silo, IReadOnlyList<DeviceDeclaration> devices)
    {
        // A name configured twice is the options validator's to report, with its message, when the host starts.
        var metadata = new Dictionary<string, string>();
        foreach (var device in devices) metadata[DeviceDeclaration.MetadataKey(device.Name)] = device.MetadataValue;
        silo.UseSiloMetadata(metadata);
        var services = silo.Services;
        services.AddSingleton(new LocalDevices(devices));
        services.AddSingleton<LaneHost>();
        services.AddPlacementDirector<DeviceHostPlacement, DeviceHostPlacementDirector>();
        services.AddSingleton<DeviceGrainStarter>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<DeviceGrainStarter>());
        services.AddSingleton<ILaneDispatch, DeviceGrainDispatch>();
        // On the cluster, a scene's job outcome goes through the scene's grain.
        services.AddSingleton<IJobQueue, SceneJobQueue>();
        return silo;
    }
}
