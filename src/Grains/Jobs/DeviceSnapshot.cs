using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// A device as the devices page shows it: who drives it, what each lane runs, its counts, and
/// <c>ContestedBy</c>: another live silo configured with the same device name, refused while this one drives it.
/// </summary>
public sealed record DeviceSnapshot(
    string Name, DeviceKind Kind, IReadOnlyList<Lane> Lanes, string? Silo, DeviceStatus Status, DateTimeOffset? LastSeen,
    IReadOnlyDictionary<Lane, Guid?> Running, long Completed, long Failed, string? ContestedBy = null);

/// <summary>Whether a silo holds a device after its heartbeat, and if not, who does.</summary>
public sealed record DeviceHold(bool Held, string? Holder);
