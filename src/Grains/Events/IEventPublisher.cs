using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Events;

/// <summary>
/// Hands the events of a commit, already durable in the log, to whoever follows their projects
/// live. A publication may be lost (the log stays the truth): it never throws.
/// </summary>
public interface IEventPublisher
{
    /// <summary>Publishes nothing: for hosts without live followers (tools, storage tests).</summary>
    static readonly IEventPublisher None = new NoPublisher();

    /// <summary>Publishes <paramref name="events"/> (of one commit, in commit order).</summary>
    Task PublishAsync(IReadOnlyList<StoredEvent> events);

    private sealed class NoPublisher : IEventPublisher
    {
        public Task PublishAsync(IReadOnlyList<StoredEvent> events) => Task.CompletedTask;
    }
}
