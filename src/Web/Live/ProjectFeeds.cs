using Microsoft.Extensions.Options;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Streams;

namespace VideoGen.Web.Live;

/// <summary>
/// This node's feeds of the projects it has open pages of: the first page of a project
/// subscribes the node to the project's stream, the last to close unsubscribes it. A slow poll of
/// the log's heads (one query for every open project) is the fallback for a message that never
/// came and nothing came after: the last events of a killed publisher.
/// </summary>
public sealed partial class ProjectFeeds(IClusterClient cluster, IEventStore events, IOptions<LiveFeedOptions> options, ILogger<ProjectFeeds> logger) : BackgroundService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, FeedEntry> _feeds = [];
    private long _subscriptions;

    /// <summary>How many times this node subscribed to a project's stream since it started.</summary>
    public long Subscriptions => Interlocked.Read(ref _subscriptions);

    /// <summary>The projects this node follows now.</summary>
    public IReadOnlyCollection<Guid> Open
    {
        get
        {
            lock (_lock) return [.. _feeds.Keys];
        }
    }

    /// <summary>How many times the feed of <paramref name="projectId"/> read the log to fill a gap (0 when not open).</summary>
    public long LogReads(Guid projectId) => Find(projectId)?.LogReads ?? 0;

    /// <summary>How many batches the feed of <paramref name="projectId"/> took from its stream (0 when not open).</summary>
    public long Streamed(Guid projectId) => Find(projectId)?.Streamed ?? 0;

    /// <summary>Joins the node's feed of <paramref name="projectId"/>, subscribing the node to its stream if no page here follows it yet.</summary>
    public async Task<FeedReader> OpenAsync(Guid projectId, CancellationToken ct)
    {
        FeedEntry? entry;
        bool created;
        lock (_lock)
        {
            // A feed still stopping left the map when its last page closed: this page gets a new one.
            created = !_feeds.TryGetValue(projectId, out entry);
            if (entry is null)
            {
                entry = new FeedEntry(new ProjectFeed(projectId, events, cluster.GetStreamProvider(ProjectStreams.Provider), logger));
                _feeds[projectId] = entry;
            }
            entry.Readers++;
        }
        try
        {
            await entry.Started.WaitAsync(ct);
        }
        catch
        {
            if (entry.Started.IsFaulted) Forget(entry);
            await LeaveAsync(entry);
            throw;
        }
        if (created) Interlocked.Increment(ref _subscriptions);
        var reader = new FeedReader(r => CloseAsync(entry, r));
        entry.Feed.Add(reader);
        return reader;
    }

    private async Task CloseAsync(FeedEntry entry, FeedReader reader)
    {
        if (entry.Feed.Remove(reader)) await LeaveAsync(entry);
    }

    /// <summary>Counts a reader out; the last one takes the feed out of the map and stops it outside the lock.</summary>
    private async Task LeaveAsync(FeedEntry entry)
    {
        lock (_lock)
        {
            // Out of the map in the same turn of the lock, so no page joins a feed about to stop.
            if (--entry.Readers > 0) return;
            Forget(entry);
        }
        try
        {
            await entry.Started;
        }
        catch (Exception)
        {
            // The feed never started: there is nothing to stop but its loop, which never ran.
        }
        await entry.Feed.StopAsync();
    }

    private void Forget(FeedEntry entry)
    {
        lock (_lock)
        {
            if (_feeds.TryGetValue(entry.Feed.ProjectId, out var current) && current == entry) _feeds.Remove(entry.Feed.ProjectId);
        }
    }

    private ProjectFeed? Find(Guid projectId)
    {
        lock (_lock) return _feeds.TryGetValue(projectId, out var entry) ? entry.Feed : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.FallbackPollMilliseconds));
        // Each open feed's head as the previous tick read it.
        var seen = new Dictionary<ProjectFeed, long>();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                ProjectFeed[] feeds;
                lock (_lock) feeds = [.. _feeds.Values.Where(e => e.Running).Select(e => e.Feed)];
                if (feeds.Length == 0)
                {
                    seen.Clear();
                    continue;
                }
                try
                {
                    var heads = await events.HeadsAsync([.. feeds.Select(f => f.ProjectId)], stoppingToken);
                    var now = new Dictionary<ProjectFeed, long>(feeds.Length);
                    foreach (var feed in feeds)
                    {
                        // Subscribed, a head newer than what was handed on is usual while a message is on
                        // its way; only one the feed has still not reached a whole tick later means a lost
                        // message. Not subscribed yet, this poll is the only way news arrives.
                        var head = heads.GetValueOrDefault(feed.ProjectId);
                        var behind = feed.Subscribed
                            ? seen.TryGetValue(feed, out var before) && before > feed.Delivered
                            : head > feed.Delivered;
                        if (behind) feed.Nudge();
                        now[feed] = head;
                        // Not awaited: on a failing cluster each attempt waits out Orleans' timeout, and
                        // SubscribeAsync skips a feed already subscribing and logs its own failures.
                        if (!feed.Subscribed) _ = feed.SubscribeAsync();
                    }
                    seen = now;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogPollFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the event log's heads; trying again at the next poll")]
    private partial void LogPollFailed(Exception error);
}
