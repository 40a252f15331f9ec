using VideoGen.Grains.Storage;

namespace VideoGen.Web.Live;

/// <summary>
/// Follows one project's events for a connected client: first what it missed (after its
/// <c>Last-Event-ID</c>, or after the sequence the page was rendered at), then the batches of the
/// node's feed, with a heartbeat while nothing happens. No event is skipped or repeated: the
/// client joins the feed before reading what it missed, drops what it already has, and re-reads
/// the log when a batch does not follow its last event or it fell behind.
/// </summary>
public sealed class ProjectEventStream(ProjectFeeds feeds, IEventStore events)
{
    private const int Batch = 500;
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>The sequence of the project's newest event: where a page rendered now resumes.</summary>
    public async Task<long> HeadAsync(Guid projectId, CancellationToken ct) =>
        (await events.HeadsAsync([projectId], ct)).GetValueOrDefault(projectId);

    /// <summary>
    /// Where a client resumes: its Last-Event-ID header, else the <c>after</c> query value, else now.
    /// A point past the project's head means now: a page from before per-project numbering holds a
    /// position in the whole log, far above any sequence, and would otherwise skip every batch.
    /// </summary>
    public async Task<long> ResumePointAsync(Guid projectId, HttpRequest request, CancellationToken ct)
    {
        var head = await HeadAsync(projectId, ct);
        if (long.TryParse(request.Headers["Last-Event-ID"].ToString(), out var last) && last >= 0) return Math.Min(last, head);
        if (long.TryParse(request.Query["after"].ToString(), out var after) && after >= 0) return Math.Min(after, head);
        return head;
    }

    /// <summary>Calls <paramref name="deliver"/> with each batch of new events until the client goes away.</summary>
    public async Task FollowAsync(Guid projectId, long after, Func<IReadOnlyList<StoredEvent>, Task> deliver, Func<Task> heartbeat, CancellationToken ct)
    {
        await using var reader = await feeds.OpenAsync(projectId, ct);
        after = await CatchUpAsync(projectId, after, deliver, ct);
        while (!ct.IsCancellationRequested)
        {
            if (reader.Overflowed)
            {
                reader.ClearOverflow();
                after = await CatchUpAsync(projectId, after, deliver, ct);
            }
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
            idle.CancelAfter(Heartbeat);
            try
            {
                await reader.Batches.WaitToReadAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await heartbeat();
                continue;
            }
            while (reader.Batches.TryRead(out var batch))
            {
                if (batch[^1].Sequence <= after) continue;
                if (batch[0].Sequence > after + 1)
                {
                    // The feed moved on while this client was reading the log: what lies between is in the log.
                    after = await CatchUpAsync(projectId, after, deliver, ct);
                    if (batch[^1].Sequence <= after) continue;
                }
                var fresh = batch[0].Sequence > after ? batch : [.. batch.Where(e => e.Sequence > after)];
                await deliver(fresh);
                after = fresh[^1].Sequence;
            }
        }
    }

    private async Task<long> CatchUpAsync(Guid projectId, long after, Func<IReadOnlyList<StoredEvent>, Task> deliver, CancellationToken ct)
    {
        while (true)
        {
            var missed = await events.ReadProjectAsync(projectId, after, Batch, ct);
            if (missed.Count == 0) return after;
            await deliver(missed);
            after = missed[^1].Sequence;
        }
    }
}
