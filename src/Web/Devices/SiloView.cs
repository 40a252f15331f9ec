namespace VideoGen.Web.Devices;

/// <summary>
/// A silo of the cluster as Orleans membership knows it: <paramref name="Status"/> (joining, active,
/// shuttingdown, stopping, dead), <paramref name="Since"/> (when it started; for a dead silo, its last
/// sign of life), and the devices whose hold it has in the store.
/// </summary>
public sealed record SiloView(
    string Name, string Address, string Status, DateTimeOffset Since, DateTimeOffset LastAlive, string HostName, string? Version,
    IReadOnlyList<string> Devices);
