using System.Threading.Channels;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Events;

/// <summary>
/// One live reader of a project's events (an open storyboard, an API stream). When it falls
/// too far behind, <see cref="Overflowed"/> is set and the reader catches up from the store.
/// </summary>
public sealed class EventSubscription : IDisposable
{
    public const int Capacity = 5_000;

    private readonly Channel<StoredEvent> _events = Channel.CreateBounded<StoredEvent>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly Action<EventSubscription> _unsubscribe;
    private int _overflowed;

    internal EventSubscription(Guid projectId, Action<EventSubscription> unsubscribe)
    {
        ProjectId = projectId;
        _unsubscribe = unsubscribe;
    }

    public Guid ProjectId { get; }

    public ChannelReader<StoredEvent> Reader => _events.Reader;

    /// <summary>Events were dropped because the reader was slow; it must re-read the store after its last id.</summary>
    public bool Overflowed => Volatile.Read(ref _overflowed) == 1;

    /// <summary>Forgets the overflow once the reader has caught up from the store.</summary>
    public void ClearOverflow() => Interlocked.Exchange(ref _overflowed, 0);

    internal void Offer(StoredEvent e)
    {
        if (!_events.Writer.TryWrite(e)) Interlocked.Exchange(ref _overflowed, 1);
    }

    public void Dispose() => _unsubscribe(this);
}
