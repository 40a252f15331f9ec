using Orleans.Placement;

namespace VideoGen.Silo.Placement;

/// <summary>Marks a grain class whose key names a device: it is placed by <see cref="DeviceHostPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class DeviceHostPlacementAttribute() : PlacementAttribute(DeviceHostPlacement.Instance);
