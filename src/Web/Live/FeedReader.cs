using System.Threading.Channels;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Live;

/// <summary>
/// One open page's (or API client's) share of its node's feed of a project: the batches the feed
/// fans out, each the same list for every page so what is built from a batch can be shared. A
/// reader that falls too far behind is marked <see cref="Overflowed"/> and catches up from the log.
/// </summary>
public sealed class FeedReader : IAsyncDisposable
{
    /// <summary>Batches a reader may have waiting before it must catch up from the log instead.</summary>
    public const int Capacity = 1_000;

    private readonly Channel<IReadOnlyList<StoredEvent>> _batches = Channel.CreateBounded<IReadOnlyList<StoredEvent>>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly Func<FeedReader, Task> _close;
    private int _overflowed;

    internal FeedReader(Func<FeedReader, Task> close) => _close = close;

    public ChannelReader<IReadOnlyList<StoredEvent>> Batches => _batches.Reader;

    /// <summary>Batches were dropped because the reader was slow; it must re-read the log after its last sequence.</summary>
    public bool Overflowed => Volatile.Read(ref _overflowed) == 1;

    /// <summary>Forgets the overflow once the reader has caught up from the log.</summary>
    public void ClearOverflow() => Interlocked.Exchange(ref _overflowed, 0);

    internal void Offer(IReadOnlyList<StoredEvent> batch)
    {
        if (!_batches.Writer.TryWrite(batch)) Interlocked.Exchange(ref _overflowed, 1);
    }

    /// <summary>Leaves the feed; the last reader of a project ends the node's subscription to its stream.</summary>
    public async ValueTask DisposeAsync() => await _close(this);
}
