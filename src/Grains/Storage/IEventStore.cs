namespace VideoGen.Grains.Storage;

/// <summary>Reads the append-only event log: the whole log by position, one project by its sequence.</summary>
public interface IEventStore
{
    /// <summary>
    /// Events after <paramref name="afterId"/>, oldest first, for one project or (null) all.
    /// An id returned is final: no event with a smaller id appears later.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(Guid? projectId, long afterId, int limit, CancellationToken ct);

    /// <summary>The newest settled event id (0 for an empty log): where a new reader starts.</summary>
    Task<long> LatestIdAsync(CancellationToken ct);

    /// <summary>
    /// The project's committed events with a <see cref="StoredEvent.Sequence"/> above
    /// <paramref name="afterSequence"/>, in sequence order. A later commit only adds higher numbers.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadProjectAsync(Guid projectId, long afterSequence, int limit, CancellationToken ct);

    /// <summary>The sequence of each project's newest committed event (projects with none are left out).</summary>
    Task<IReadOnlyDictionary<Guid, long>> HeadsAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken ct);
}
