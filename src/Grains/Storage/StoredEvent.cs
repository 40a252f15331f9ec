namespace VideoGen.Grains.Storage;

/// <summary>
/// An event as the log holds it: <see cref="Id"/> is its position in the log (readers resume
/// after it; it grows in the order events become readable), its data is the event's JSON.
/// </summary>
public sealed record StoredEvent(long Id, Guid ProjectId, string Name, Guid EntityId, string Data, DateTimeOffset CreatedAt);
