namespace VideoGen.Grains.Storage;

/// <summary>Reads the append-only event log by increasing id.</summary>
public interface IEventStore
{
    /// <summary>
    /// Events after <paramref name="afterId"/>, oldest first, for one project or (null) all.
    /// An id returned is final: no event with a smaller id appears later.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(Guid? projectId, long afterId, int limit, CancellationToken ct);

    /// <summary>The newest settled event id (0 for an empty log): where a new reader starts.</summary>
    Task<long> LatestIdAsync(CancellationToken ct);
}
