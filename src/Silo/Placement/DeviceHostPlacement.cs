using Orleans.Runtime;

namespace VideoGen.Silo.Placement;

/// <summary>
/// Places a device grain on a silo that declares the device named by the grain's key, because
/// the device's ComfyUI (or CPU) lives on that silo's machine and nowhere else.
/// </summary>
[Serializable, GenerateSerializer, Immutable, Alias("VideoGen.DeviceHostPlacement")]
public sealed class DeviceHostPlacement : PlacementStrategy
{
    /// <summary>The one instance every device grain class shares.</summary>
    public static readonly DeviceHostPlacement Instance = new();
}
