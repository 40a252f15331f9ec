namespace VideoGen.Grains.Domain;

/// <summary>
/// The stored form of a <see cref="Project"/>'s own fields (its sections and sentences are
/// entities of their own). Only the store creates one from a row.
/// </summary>
public sealed record ProjectState
{
    public required Guid Id { get; init; }
    public required Guid OwnerId { get; init; }
    public required string Name { get; init; }
    public required AspectRatio AspectRatio { get; init; }
    public required string Style { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
