namespace VideoGen.Grains.Domain;

/// <summary>The stored form of a <see cref="GpuDevice"/>: what it is, and which silo holds it since when.</summary>
public sealed record GpuDeviceState
{
    public required string Name { get; init; }
    public required DeviceKind Kind { get; init; }
    public required IReadOnlyList<Lane> Lanes { get; init; }
    public string? Silo { get; init; }
    public DeviceStatus Status { get; init; }
    public DateTimeOffset? LastSeen { get; init; }
}
