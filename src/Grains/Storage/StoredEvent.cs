namespace VideoGen.Grains.Storage;

/// <summary>
/// An event as the log holds it: <see cref="Id"/> is its position in the whole log (readers of
/// every project resume after it; it grows in the order events become readable);
/// <see cref="Sequence"/> numbers its project's events 1, 2, 3, ... in commit order with no hole
/// (live followers of one project resume after it and notice a missing one). Its data is the event's JSON.
/// </summary>
[GenerateSerializer, Alias("VideoGen.StoredEvent")]
public sealed record StoredEvent(long Id, long Sequence, Guid ProjectId, string Name, Guid EntityId, string Data, DateTimeOffset CreatedAt);
