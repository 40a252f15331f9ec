using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>An event raised inside a write transaction, written to the log when the transaction commits.</summary>
internal sealed record PendingEvent(DomainEvent Event, DateTimeOffset At);
