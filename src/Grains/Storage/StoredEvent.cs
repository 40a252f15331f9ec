namespace VideoGen.Grains.Storage;

/// <summary>An event as the log holds it: its id orders it, its data is the event's JSON.</summary>
public sealed record StoredEvent(long Id, Guid ProjectId, string Name, Guid EntityId, string Data, DateTimeOffset CreatedAt);
