namespace VideoGen.Web.Api;

/// <summary>A silo: its membership address (<c>ip:port@generation</c>), status, since when, last sign of life, host, version, devices.</summary>
public sealed record SiloResponse(
    string Name, string Address, string Status, DateTimeOffset Since, DateTimeOffset LastAlive, string HostName, string? Version, IReadOnlyList<string> Devices);
