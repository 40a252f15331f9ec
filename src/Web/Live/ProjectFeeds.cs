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
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Guid, ProjectFeed> _feeds = [];
    private long _subscriptions;

    /// <summary>How many times this node subscribed to a project's stream since it started.</summary>
    public long Subscriptions => Interlocked.Read(ref _subscriptions);

    /// <summary>The projects this node follows now.</summary>
    public IReadOnlyCollection<Guid> Open
    {
        get
        {
            lock (_feeds) return [.. _feeds.Keys];
        }
    }

    /// <summary>How many times the feed of <paramref name="projectId"/> read the log to fill a gap (0 when not open).</summary>
    public long LogReads(Guid projectId)
    {
        lock (_feeds) return _feeds.TryGetValue(projectId, out var feed) ? feed.LogReads : 0;
    }

    /// <summary>How many batches the feed of <paramref name="projectId"/> took from its stream (0 when not open).</summary>
    public long Streamed(Guid projectId)
    {
        lock (_feeds) return _feeds.TryGetValue(projectId, out var feed) ? feed.Streamed : 0;
    }

    /// <summary>Joins the node's feed of <paramref name="projectId"/>, subscribing the node to its stream if no page here follows it yet.</summary>
    public async Task<FeedReader> OpenAsync(Guid projectId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            ProjectFeed? feed;
            lock (_feeds) _feeds.TryGetValue(projectId, out feed);
            if (feed is null)
            {
                feed = new ProjectFeed(projectId, events, cluster.GetStreamProvider(ProjectStreams.Provider), logger);
                await feed.StartAsync(ct);
                Interlocked.Increment(ref _subscriptions);
                lock (_feeds) _feeds[projectId] = feed;
            }
            var reader = new FeedReader(projectId, CloseAsync);
            feed.Add(reader);
            return reader;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CloseAsync(FeedReader reader)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            ProjectFeed? feed;
            lock (_feeds) _feeds.TryGetValue(reader.ProjectId, out feed);
            if (feed is null || !feed.Remove(reader) || feed.Readers > 0) return;
            lock (_feeds) _feeds.Remove(reader.ProjectId);
            await feed.StopAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.FallbackPollMilliseconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                ProjectFeed[] feeds;
                lock (_feeds) feeds = [.. _feeds.Values];
                if (feeds.Length == 0) continue;
                try
                {
                    var heads = await events.HeadsAsync([.. feeds.Select(f => f.ProjectId)], stoppingToken);
                    foreach (var feed in feeds)
                    {
                        if (heads.GetValueOrDefault(feed.ProjectId) > feed.Delivered) feed.Nudge();
                        if (!feed.Subscribed) await feed.SubscribeAsync();
                    }
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
