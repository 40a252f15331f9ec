using System.Collections.Concurrent;
using System.Threading.Channels;
using Orleans.Streams;
using VideoGen.Grains.Events;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Streams;

namespace VideoGen.Web.Live;

/// <summary>
/// This node's one subscription to a project's stream, shared by all its open pages of the
/// project. Batches arrive from the stream (any commit on any silo) and are handed on in sequence
/// order, each once; a batch that does not follow the last one handed on (a message lost with a
/// killed publisher, or one overtaken by another) makes the feed read the log from where it is,
/// so a lost message costs latency, never an event. The stream's callback only queues the batch:
/// one slow project must not hold up the node's deliveries of the others.
/// </summary>
internal sealed partial class ProjectFeed(Guid projectId, IEventStore events, IStreamProvider streams, ILogger logger)
{
    private const int ReadBatch = 500;

    /// <summary>Queued batches from the stream; null asks the feed to look in the log.</summary>
    private readonly Channel<IReadOnlyList<StoredEvent>?> _inbox = Channel.CreateUnbounded<IReadOnlyList<StoredEvent>?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<FeedReader, byte> _readers = new();
    private readonly CancellationTokenSource _stopping = new();
    private StreamSubscriptionHandle<ProjectEventBatch>? _subscription;
    private Task _running = Task.CompletedTask;
    private long _delivered;
    private long _logReads;
    private long _streamed;
    private int _subscribing;

    public Guid ProjectId => projectId;

    /// <summary>The sequence of the last event handed to the readers.</summary>
    public long Delivered => Volatile.Read(ref _delivered);

    /// <summary>How many times the feed read the log to fill a gap.</summary>
    public long LogReads => Interlocked.Read(ref _logReads);

    /// <summary>How many batches came over the stream.</summary>
    public long Streamed => Interlocked.Read(ref _streamed);

    public bool Subscribed => _subscription is not null;

    /// <summary>
    /// Starts after the log's current end and subscribes in the background: a page never waits on
    /// the cluster, and until the subscription holds, the slow poll brings what commits.
    /// </summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var heads = await events.HeadsAsync([projectId], ct);
        Volatile.Write(ref _delivered, heads.GetValueOrDefault(projectId));
        _running = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        _ = SubscribeAsync();
    }

    /// <summary>Subscribes to the stream unless subscribed or subscribing; a failure is logged and tried again at the next poll.</summary>
    public async Task SubscribeAsync()
    {
        if (_subscription is not null || Interlocked.Exchange(ref _subscribing, 1) == 1) return;
        try
        {
            var stream = streams.GetStream<ProjectEventBatch>(ProjectStreams.Of(projectId));
            var subscription = await stream.SubscribeAsync((batch, _) =>
            {
                Interlocked.Increment(ref _streamed);
                _inbox.Writer.TryWrite(batch.Events);
                return Task.CompletedTask;
            });
            if (_stopping.IsCancellationRequested)
            {
                // The last page closed while the subscription was being made.
                await subscription.UnsubscribeAsync();
                return;
            }
            _subscription = subscription;
            // Anything committed while the subscription was being made did not come over it.
            Nudge();
        }
        catch (Exception e)
        {
            LogSubscribeFailed(e, projectId);
        }
        finally
        {
            Interlocked.Exchange(ref _subscribing, 0);
        }
    }

    public async Task StopAsync()
    {
        _inbox.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            if (_subscription is { } subscription) await subscription.UnsubscribeAsync();
        }
        catch (Exception e)
        {
            LogUnsubscribeFailed(e, projectId);
        }
        await _running;
    }

    public void Add(FeedReader reader) => _readers[reader] = 0;

    public bool Remove(FeedReader reader) => _readers.TryRemove(reader, out _);

    /// <summary>Asks the feed to look in the log (the slow poll saw newer events than it handed on).</summary>
    public void Nudge() => _inbox.Writer.TryWrite(null);

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var batch in _inbox.Reader.ReadAllAsync(ct))
            {
                try
                {
                    var fresh = batch?.Where(e => e.Sequence > Delivered).ToArray();
                    if (fresh is { Length: 0 }) continue;
                    if (fresh is not null && fresh[0].Sequence == Delivered + 1) Deliver(fresh);
                    else await ReadLogAsync(ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // The slow poll will ask again.
                    LogReadFailed(e, projectId);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The last page of the project closed.
        }
    }

    private async Task ReadLogAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _logReads);
        while (true)
        {
            var read = await events.ReadProjectAsync(projectId, Delivered, ReadBatch, ct);
            if (read.Count > 0) Deliver(read);
            if (read.Count < ReadBatch) return;
        }
    }

    private void Deliver(IReadOnlyList<StoredEvent> batch)
    {
        foreach (var reader in _readers.Keys) reader.Offer(batch);
        Volatile.Write(ref _delivered, batch[^1].Sequence);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to the events of project {ProjectId}; its pages follow the log until it works")]
    private partial void LogSubscribeFailed(Exception error, Guid projectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not unsubscribe from the events of project {ProjectId}")]
    private partial void LogUnsubscribeFailed(Exception error, Guid projectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the log of project {ProjectId}; trying again at the next poll")]
    private partial void LogReadFailed(Exception error, Guid projectId);
}
