using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Events;

/// <summary>
/// Reads the event log once for the whole process and hands every new event to the live
/// readers of its project, so a hundred open pages cost one query per change, not a hundred.
/// It wakes on commits in this process, on other processes' doorbells (PostgreSQL NOTIFY),
/// and on a slow poll. Readers that connect late or fall behind read the store themselves.
/// </summary>
public sealed class EventFeed(IEventStore events, Database database, JobSignal signal, ILogger<EventFeed> logger) : BackgroundService
{
    private const int Batch = 500;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>
    /// On PostgreSQL an event becomes readable only once no older transaction is running: after
    /// a ring that found nothing, look again a few times shortly after.
    /// </summary>
    private static readonly TimeSpan[] Settling = [TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(15), TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(100)];

    private readonly ConcurrentDictionary<EventSubscription, byte> _subscribers = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _position;

    /// <summary>The newest event id handed out; a new reader starts after it.</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>Completes once the feed knows where the log ends.</summary>
    public Task Started => _started.Task;

    public EventSubscription Subscribe(Guid projectId)
    {
        var subscription = new EventSubscription(projectId, s => _subscribers.TryRemove(s, out _));
        _subscribers[subscription] = 0;
        return subscription;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Volatile.Write(ref _position, await events.LatestIdAsync(stoppingToken));
        _started.TrySetResult();
        while (!stoppingToken.IsCancellationRequested)
        {
            var local = database.Committed.Next();
            var remote = signal.NextEvents();
            try
            {
                if (await DrainAsync(stoppingToken) == 0 && (local.IsCompleted || remote.IsCompleted))
                    foreach (var wait in Settling)
                    {
                        await Task.Delay(wait, stoppingToken);
                        if (await DrainAsync(stoppingToken) > 0) break;
                    }
                await Task.WhenAny(local, remote, Task.Delay(Poll, stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not read new events; trying again");
                try { await Task.Delay(Poll, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task<int> DrainAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var read = await events.ReadAsync(null, Position, Batch, ct);
            foreach (var e in read)
                foreach (var subscriber in _subscribers.Keys)
                    if (subscriber.ProjectId == e.ProjectId) subscriber.Offer(e);
            if (read.Count > 0) Volatile.Write(ref _position, read[^1].Id);
            total += read.Count;
            if (read.Count < Batch) return total;
        }
    }
}
