using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.Placement;

/// <summary>
/// Picks the silo for a device grain among the silos that declare the device: the oldest of them,
/// so two silos configured with one name agree on which drives it (the one that came first, which
/// also took the device's hold in the store). This silo's own devices are known without its
/// metadata cache, which may not list this silo yet while it starts.
/// </summary>
internal sealed class DeviceHostPlacementDirector(ISiloMetadataCache metadata, LocalDevices local) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var device = target.GrainIdentity.Key.ToString();
        var key = DeviceDeclaration.MetadataKey(device);
        var declaring = context.GetCompatibleSilos(target)
            .Where(s => s.Equals(context.LocalSilo) ? local.Declares(device) : metadata.GetSiloMetadata(s).Metadata.ContainsKey(key))
            .OrderBy(s => s.Generation)
            .FirstOrDefault();
        return declaring is not null
            ? Task.FromResult(declaring)
            : throw new OrleansException($"No active silo declares device {device}; its grain cannot be placed.");
    }
}
