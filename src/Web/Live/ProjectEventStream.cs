using VideoGen.Grains.Events;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Live;

/// <summary>
/// Follows one project's events for a connected client: first what it missed (after its
/// <c>Last-Event-ID</c>, or after the id the page was rendered at), then live events from the
/// process-wide feed, in batches, with a heartbeat while nothing happens. No event is skipped:
/// the client subscribes before reading what it missed, and re-reads the store if it falls behind.
/// </summary>
public sealed class ProjectEventStream(EventFeed feed, IEventStore events)
{
    private const int Batch = 500;
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>Where a client resumes: its Last-Event-ID header, else the <c>after</c> query value, else now.</summary>
    public long ResumePoint(HttpRequest request)
    {
        if (long.TryParse(request.Headers["Last-Event-ID"].ToString(), out var last) && last >= 0) return last;
        if (long.TryParse(request.Query["after"].ToString(), out var after) && after >= 0) return after;
        return feed.Position;
    }

    /// <summary>Calls <paramref name="deliver"/> with each batch of new events until the client goes away.</summary>
    public async Task FollowAsync(Guid projectId, long after, Func<IReadOnlyList<StoredEvent>, Task> deliver, Func<Task> heartbeat, CancellationToken ct)
    {
        await feed.Started.WaitAsync(ct);
        using var subscription = feed.Subscribe(projectId);
        after = await CatchUpAsync(projectId, after, deliver, ct);
        while (!ct.IsCancellationRequested)
        {
            if (subscription.Overflowed)
            {
                subscription.ClearOverflow();
                after = await CatchUpAsync(projectId, after, deliver, ct);
            }
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
            idle.CancelAfter(Heartbeat);
            try
            {
                await subscription.Reader.WaitToReadAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await heartbeat();
                continue;
            }
            var batch = new List<StoredEvent>();
            while (batch.Count < Batch && subscription.Reader.TryRead(out var e))
                if (e.Id > after) batch.Add(e);
            if (batch.Count == 0) continue;
            await deliver(batch);
            after = batch[^1].Id;
        }
    }

    private async Task<long> CatchUpAsync(Guid projectId, long after, Func<IReadOnlyList<StoredEvent>, Task> deliver, CancellationToken ct)
    {
        while (true)
        {
            var missed = await events.ReadAsync(projectId, after, Batch, ct);
            if (missed.Count == 0) return after;
            await deliver(missed);
            after = missed[^1].Id;
        }
    }
}
