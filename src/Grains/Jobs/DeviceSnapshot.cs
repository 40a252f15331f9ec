using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// A device as the devices page shows it: who drives it, its counts,
/// <c>ContestedBy</c>: another live silo configured with the same device name, refused while this one drives it,
/// and <c>UnreachableSince</c>: since when its backend has not answered (its lanes claim nothing meanwhile).
/// </summary>
public sealed record DeviceSnapshot(
    string Name, DeviceKind Kind, IReadOnlyList<Lane> Lanes, string? Silo, DeviceStatus Status, DateTimeOffset? LastSeen,
    long Completed, long Failed, string? ContestedBy = null, DateTimeOffset? UnreachableSince = null);

/// <summary>Whether a silo holds a device after its heartbeat, and if not, who does.</summary>
public sealed record DeviceHold(bool Held, string? Holder);
