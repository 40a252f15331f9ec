using System.Diagnostics.CodeAnalysis;
using VideoGen.Grains.Domain;

namespace VideoGen.Silo.Devices;

/// <summary>
/// A device a silo declares to the cluster: its name, kind and lanes, published in the silo's
/// metadata (one key per device) so that its grain is placed on that silo and the others know
/// which lanes to wake.
/// </summary>
public sealed record DeviceDeclaration(string Name, DeviceKind Kind, IReadOnlyList<Lane> Lanes)
{
    /// <summary>The start of every device key in a silo's metadata.</summary>
    public const string MetadataPrefix = "videogen.device.";

    /// <summary>The metadata key that says a silo declares <paramref name="device"/>.</summary>
    public static string MetadataKey(string device) => MetadataPrefix + device;

    /// <summary>The metadata value: kind and lanes, e.g. <c>ComfyUi:Image,Video</c>.</summary>
    public string MetadataValue => $"{Kind}:{string.Join(',', Lanes)}";

    /// <summary>Whether the device runs on a GPU grain (image and video lanes) rather than a silo's CPU grain.</summary>
    public bool IsGpu => Kind != DeviceKind.Cpu;

    /// <summary>Reads a device back from one metadata entry; false for keys that are not devices' or values that do not parse.</summary>
    public static bool TryParse(string key, string value, [NotNullWhen(true)] out DeviceDeclaration? device)
    {
        device = null;
        if (!key.StartsWith(MetadataPrefix, StringComparison.Ordinal) || value.Split(':', 2) is not [var kind, var lanes]) return false;
        if (!Enum.TryParse<DeviceKind>(kind, out var parsedKind)) return false;
        var parsedLanes = new List<Lane>();
        foreach (var lane in lanes.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<Lane>(lane, out var parsed)) return false;
            parsedLanes.Add(parsed);
        }
        device = new DeviceDeclaration(key[MetadataPrefix.Length..], parsedKind, parsedLanes);
        return true;
    }
}
