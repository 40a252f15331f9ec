namespace VideoGen.Grains.Storage;

/// <summary>
/// Ownership as the store knows it. Everything a creator has belongs to them through its
/// project: sentences, jobs, exports and media files. Each method answers the project id only
/// when the thing exists and its project is <c>userId</c>'s; null both for an unknown id and
/// for someone else's, so a route cannot tell (or show) the difference: it answers 404.
/// </summary>
public interface IOwnershipStore
{
    /// <summary>The project the <paramref name="kind"/> with <paramref name="id"/> belongs to (the project itself for a project).</summary>
    Task<Guid?> ProjectOfAsync(OwnedKind kind, Guid id, Guid userId, CancellationToken ct);

    /// <summary>The project whose sentence or export uses <paramref name="file"/> (a path relative to the media root).</summary>
    Task<Guid?> ProjectOfMediaAsync(string file, Guid userId, CancellationToken ct);
}
