namespace VideoGen.Web.Accounts;

/// <summary>
/// The one ownership check of the studio. Everything a creator has belongs to them through its
/// project: sentences, jobs, exports and media files. Each method answers the project id only
/// when the thing exists and its project is <c>userId</c>'s; null both for an unknown id and
/// for someone else's, so a route cannot tell (or show) the difference: it answers 404.
/// </summary>
public interface IOwnedResources
{
    /// <summary>Whether the project exists and is the account's.</summary>
    Task<bool> OwnsProjectAsync(Guid projectId, Guid userId, CancellationToken ct);

    Task<Guid?> ProjectOfSentenceAsync(Guid sentenceId, Guid userId, CancellationToken ct);

    Task<Guid?> ProjectOfJobAsync(Guid jobId, Guid userId, CancellationToken ct);

    /// <summary>The project whose sentence or export uses <paramref name="file"/> (a path relative to the media root).</summary>
    Task<Guid?> ProjectOfMediaAsync(string file, Guid userId, CancellationToken ct);
}
