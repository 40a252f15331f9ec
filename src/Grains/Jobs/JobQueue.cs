using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Jobs;

/// <summary>The queue on the store's database: PostgreSQL claims with SKIP LOCKED, SQLite under its single writer.</summary>
public sealed class JobQueue(Database database, ILaneDispatch lanes, QueueTimings timings, TimeProvider clock, ILogger<JobQueue> logger,
    CompletionHold? hold = null, TakeOptions? takes = null) : IJobQueue
{
    public Task<ClaimedJob?> ClaimAsync(string device, Lane lane, string silo, CancellationToken ct) =>
        ClaimAsync(device, lane, silo, LaneStage.OnDevice, ct);

    public Task<ClaimedJob?> ClaimNextAsync(string device, Lane lane, string silo, CancellationToken ct) =>
        ClaimAsync(device, lane, silo, LaneStage.Next, ct);

    private async Task<ClaimedJob?> ClaimAsync(string device, Lane lane, string silo, LaneStage stage, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid();
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await database.BeginWriteAsync(connection, ct);
        JobRow? row;
        SentenceRow? sentenceRow;
        (int AspectRatio, string? Voice, double Speed) project;
        try
        {
            await database.BoundLockWaitsAsync(connection, transaction, ct);
            // One round trip: take the job, then lock its sentence and read its project's frame shape
            // and narration (the later statements see the first one's update through the running-lane index).
            using var results = await connection.QueryMultipleAsync(new CommandDefinition($"""
                UPDATE jobs SET status = 1, device = @device, silo = @silo, claim_token = @token, lease_until = @leaseUntil,
                    started_at = @now, progress = 0, step = @step, lane_stage = @stage
                WHERE id = (SELECT q.id FROM jobs q WHERE q.status = 0 AND q.lane = @lane AND q.not_before <= @now{WaitsFor(lane)}
                            ORDER BY q.priority, q.fair_seq, q.created_at LIMIT 1{database.SkipLockedClause})
                  AND status = 0
                  AND EXISTS (SELECT 1 FROM devices WHERE name = @device AND silo = @silo AND status = 1)
                RETURNING {JobRow.Columns};
                SELECT {SentenceRow.Columns} FROM sentences WHERE id = ({ClaimedBy("sentence_id")}){database.RowLockClause};
                SELECT aspect_ratio, narration_voice, narration_speed FROM projects WHERE id = ({ClaimedBy("project_id")});
                """, new
            {
                device, silo, token, lane = (int)lane, stage = (int)stage, step = stage == LaneStage.Next ? LaneSteps.UpNext : null,
                leaseUntil = UnixTime.ToMs(now + timings.Lease), now = UnixTime.ToMs(now),
            }, transaction, cancellationToken: ct));
            row = await results.ReadSingleOrDefaultAsync<JobRow>();
            sentenceRow = await results.ReadSingleOrDefaultAsync<SentenceRow>();
            project = await results.ReadSingleOrDefaultAsync<(int, string?, double)>();
        }
        catch (Exception e) when (database.IsUniqueViolation(e))
        {
            // The database refused a second job on this lane's device (or a second next one): the lane is busy, whatever the caller believed.
            logger.LogWarning("Lane {Lane} of {DeviceName} already has a job {Stage}; claim refused by the store", lane, device,
                stage == LaneStage.Next ? "next" : "on the device");
            return null;
        }
        catch (Exception e) when (database.IsLockTimeout(e))
        {
            // The job's sentence is locked by a writer that may be frozen: the lane asks again at its next poll.
            logger.LogWarning("Lane {Lane} of {DeviceName} gave up a claim waiting for a locked sentence", lane, device);
            return null;
        }
        if (row is null) return null;

        var job = GenerationJob.Claimed(row.ToState());
        var sentence = sentenceRow is null ? null : Sentence.FromState(sentenceRow.ToState());
        if (sentence is not null)
        {
            sentence.ReflectJob(job, now);
            await SaveSentenceAsync(connection, transaction, sentence, now, ct, withEvents: false);
        }
        ExportPlan? plan = null;
        if (job.Kind == JobKind.Export)
        {
            plan = await ExportRecords.LoadPlanAsync(connection, transaction, job.Id, ct);
            await ExportRecords.SyncAsync(connection, transaction, job, ct);
        }
        EventStore.Stage(database, transaction, [.. sentence?.TakeEvents() ?? [], .. job.TakeEvents()], now);
        await database.CommitAsync(transaction, ct);
        return new ClaimedJob(job, token, sentence?.ToState(), (AspectRatio)project.AspectRatio, new NarrationSettings(project.Voice, project.Speed), plan);
    }

    /// <summary>
    /// A clip lasts as long as its narration, so a video job waits while its sentence's
    /// narration is still queued or being spoken; other lanes take the next job in line.
    /// </summary>
    private static string WaitsFor(Lane lane) => lane == Lane.Video
        ? " AND NOT EXISTS (SELECT 1 FROM jobs a WHERE a.sentence_id = q.sentence_id AND a.kind = 3 AND a.status IN (0, 1))"
        : "";

    public Task<bool> LeaveDeviceAsync(Guid jobId, Guid token, CancellationToken ct) =>
        MoveOnLaneAsync(jobId, token, LaneStage.OnDevice, LaneStage.Storing, "", ct);

    public Task<bool> TakeDeviceAsync(Guid jobId, Guid token, CancellationToken ct) =>
        MoveOnLaneAsync(jobId, token, LaneStage.Next, LaneStage.OnDevice, ", started_at = @now, step = NULL", ct);

    /// <summary>Moves a held job from one stage of its lane to the next; the running-lane index refuses a second job on the device.</summary>
    private Task<bool> MoveOnLaneAsync(Guid jobId, Guid token, LaneStage from, LaneStage to, string alsoSet, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE jobs SET lane_stage = @to{alsoSet} WHERE id = @jobId AND claim_token = @token AND status = 1 AND lane_stage = @from",
            new { jobId, token, from = (int)from, to = (int)to, now = UnixTime.ToMs(clock.GetUtcNow()) }, transaction, cancellationToken: ct)) == 1, ct);

    public Task<bool> RenewAsync(Guid jobId, Guid token, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET lease_until = @leaseUntil WHERE id = @jobId AND claim_token = @token AND status = 1",
            new { jobId, token, leaseUntil = UnixTime.ToMs(clock.GetUtcNow() + timings.Lease) }, transaction, cancellationToken: ct)) == 1, ct);

    public Task<bool> ReportProgressAsync(Guid jobId, Guid token, double progress, string? step, CancellationToken ct) =>
        ChangeHeldAsync(jobId, token, (job, _, _) => job.ReportProgress(token, progress, step), ct);

    public async Task<CompletionResult> CompleteAsync(Guid jobId, Guid token, JobOutput output, CancellationToken ct)
    {
        string? replaced = null;
        Guid? cascaded = null;
        IReadOnlyList<string>? discarded = null;
        (Sentence Scene, Take Take)? made = null;
        var accepted = await ChangeHeldAsync(jobId, token, (job, sentence, now) =>
        {
            job.Succeed(token, output.File, now);
            if (sentence is null || JobReflection.AssetOf(job.Kind) is null) return;
            var take = Take.Made(job, output.File, output.DurationSeconds, output.Recipe, now);
            // A variation joins the takes beside the scene's image; the first to finish on a scene without one becomes it.
            replaced = sentence.TakeStored(take, active: !job.Variation || sentence.ImageFile is null, now);
            made = (sentence, take);
        }, ct, holdOpen: true, cascade: (job, sentence, now) =>
        {
            // The creator asked for image then video: queue the video in the transaction that stores the image.
            if (sentence is null || job.ClipToFollow(sentence, now) is not { } video) return null;
            sentence.ReflectJob(video, now);
            cascaded = video.Id;
            return video;
        }, afterSave: async (connection, transaction, job) =>
        {
            // An export deleted while it rendered keeps nothing: its files go with it.
            if (job.Kind == JobKind.Export && !await ExportRecords.StoreOutputAsync(connection, transaction, job.Id, output, ct))
                discarded = output.Files;
            // Takes beyond the bound go with the rows; their files once this commits.
            if (made is { } stored)
                discarded = await TakeRecords.AddAsync(connection, transaction, stored.Scene, stored.Take, (takes ?? new TakeOptions()).KeepPerAsset, ct);
        });
        if (accepted) return new CompletionResult(true, replaced, cascaded, discarded);
        // A retry after the store lost its answer to a commit that went through: the output names
        // this claim, so finding it stored means it was ours. What it replaced is not known any more.
        var stored = await database.ReadAsync(connection => connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM jobs WHERE id = @jobId AND status = @succeeded AND output = @File",
            new { jobId, succeeded = (int)JobStatus.Succeeded, output.File }, cancellationToken: ct)), ct);
        return stored == 1 ? new CompletionResult(true) : CompletionResult.Rejected;
    }

    public Task<bool> FailAsync(Guid jobId, Guid token, string error, CancellationToken ct) =>
        ChangeHeldAsync(jobId, token, (job, sentence, now) =>
        {
            job.Fail(token, error, now);
            sentence?.ReflectJob(job, now);
        }, ct);

    public Task<bool> RetryAsync(Guid jobId, Guid token, string reason, TimeSpan delay, CancellationToken ct) =>
        ChangeHeldAsync(jobId, token, (job, sentence, now) =>
        {
            job.Retry(reason, now);
            sentence?.ReflectJob(job, now);
        }, ct, notBefore: delay);

    public Task<bool> ReleaseAsync(Guid jobId, Guid token, string reason, CancellationToken ct) =>
        ChangeHeldAsync(jobId, token, (job, sentence, now) =>
        {
            job.Release(token, reason, now);
            sentence?.ReflectJob(job, now);
        }, ct);

    public Task<bool> ConfirmCancelledAsync(Guid jobId, Guid token, CancellationToken ct) =>
        ChangeHeldAsync(jobId, token, (job, sentence, now) =>
        {
            job.ConfirmCancelled(token, now);
            sentence?.ReflectJob(job, now);
        }, ct);

    public Task<IReadOnlyList<Guid>> CancelRequestedAsync(string silo, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<Guid>>(async connection => (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM jobs WHERE silo = @silo AND status = 1 AND cancel_requested = @yes", new { silo, yes = true }, cancellationToken: ct))).ToArray(), ct);

    public Task<int> RescueExpiredAsync(CancellationToken ct) => RequeueRunningAsync(
        "lease_until < @now ORDER BY lease_until", new { now = UnixTime.ToMs(clock.GetUtcNow()) },
        job => $"Silo {job.Silo} stopped answering while running this job on {job.Device}",
        job => logger.LogWarning("Job {JobId} on {DeviceName} lost its lease (silo {Silo} went silent); requeued", job.Id, job.Device, job.Silo), ct);

    /// <summary>
    /// Requeues (or fails, when attempts are used up) every job running on one of <paramref name="silos"/>,
    /// whatever its lease says: membership declared those silos dead, so waiting for their leases to lapse
    /// only keeps the work idle. Their claim tokens change, so a silo declared dead that wakes writes nothing.
    /// </summary>
    public async Task<int> RescueSilosAsync(IReadOnlyCollection<string> silos, CancellationToken ct)
    {
        if (silos.Count == 0) return 0;
        // Npgsql takes the names as one text array; on SQLite Dapper spreads the list into IN (...).
        var filter = database.Provider == StoreProvider.Postgres ? "silo = ANY(@silos)" : "silo IN @silos";
        var total = 0;
        // A round takes at most a batch; the dead rarely ran more, but keep going until none is left.
        for (int rescued; (rescued = await RequeueRunningAsync(filter, new { silos = silos.ToArray() },
                 job => $"Silo {job.Silo} was declared dead while running this job on {job.Device}",
                 job => logger.LogWarning("Job {JobId} on {DeviceName} requeued: its silo {Silo} was declared dead", job.Id, job.Device, job.Silo), ct)) > 0;)
            total += rescued;
        return total;
    }

    /// <summary>
    /// Puts running jobs matching <paramref name="filter"/> (a condition on the <c>jobs</c> row, optionally
    /// followed by an ORDER BY) back in the queue with the next attempt (a lane's next job, which never
    /// reached the device, with the same one), a batch at a time; rows or sentences another transaction
    /// holds are skipped for a later round.
    /// </summary>
    private async Task<int> RequeueRunningAsync(
        string filter, object parameters, Func<GenerationJob, string> reason, Action<GenerationJob> log, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var woken = new HashSet<Lane>();
        int rescued;
        try
        {
            rescued = await database.WriteAsync(async (connection, transaction) =>
            {
                await database.BoundLockWaitsAsync(connection, transaction, ct);
                var rows = (await connection.QueryAsync<JobRow>(new CommandDefinition(
                    $"SELECT {JobRow.Columns}, lane_stage FROM jobs WHERE status = 1 AND {filter} LIMIT 100{database.SkipLockedClause}",
                    parameters, transaction, cancellationToken: ct))).ToArray();
                var requeued = 0;
                foreach (var row in rows)
                {
                    var job = GenerationJob.FromState(row.ToState());
                    Sentence? sentence = null;
                    // A sentence row is never missing under a job row (the key cascades), so none here means another
                    // transaction, perhaps of a frozen process, holds it: a later round comes back to this job.
                    if (job.SentenceId is { } sentenceId &&
                        (sentence = await SentenceStore.LoadAsync(connection, transaction, sentenceId, database.SkipLockedClause, ct)) is null)
                        continue;
                    var token = job.ClaimToken;
                    log(job);
                    // A lane's next job never reached the device: it goes back as it was, without using an attempt.
                    if (row.LaneStage == (int)LaneStage.Next) job.Release(token!.Value, reason(job), now);
                    else job.Retry(reason(job), now);
                    sentence?.ReflectJob(job, now);
                    var stopped = await WaitingClips.StopAsync(database, connection, transaction, job, sentence, now, ct);
                    if (sentence is not null) await SaveSentenceAsync(connection, transaction, sentence, now, ct);
                    await JobRecords.SaveAsync(database, connection, transaction, job, JobStatus.Running, token, now, ct);
                    await WaitingClips.SaveAsync(database, connection, transaction, stopped, now, ct, withEvents: true);
                    woken.UnionWith(LanesMadeClaimable(job, next: null, retryWaits: false));
                    requeued++;
                }
                return requeued;
            }, ct);
        }
        catch (Exception e) when (database.IsLockTimeout(e))
        {
            logger.LogWarning("Requeuing running jobs waited too long for a lock; the next round tries again");
            return 0;
        }
        if (woken.Count > 0) lanes.WorkQueued(woken);
        return rescued;
    }

    /// <summary>
    /// Loads a job still held under <paramref name="token"/> and its sentence, applies the
    /// change, and saves both (and a cascaded job) in one transaction. False, with nothing
    /// written, when the claim was lost.
    /// </summary>
    private async Task<bool> ChangeHeldAsync(
        Guid jobId, Guid token, Action<GenerationJob, Sentence?, DateTimeOffset> change, CancellationToken ct,
        bool holdOpen = false, TimeSpan notBefore = default, Func<GenerationJob, Sentence?, DateTimeOffset, GenerationJob?>? cascade = null,
        Func<DbConnection, DbTransaction, GenerationJob, Task>? afterSave = null)
    {
        var now = clock.GetUtcNow();
        IReadOnlyCollection<Lane> woken = [];
        var saved = await database.WriteAsync(async (connection, transaction) =>
        {
            var (job, sentence) = await LoadHeldAsync(connection, transaction, jobId, token, ct);
            if (job is null) return false;
            if (holdOpen && hold?.TryTake() == true)
            {
                logger.LogWarning("Holding the completion of job {JobId} open for {Duration} with its rows locked ({Variable})", jobId, hold.Duration, CompletionHold.Variable);
                await Task.Delay(hold.Duration, ct);
            }
            var device = job.Device;
            change(job, sentence, now);
            var next = cascade?.Invoke(job, sentence, now);
            var stopped = await WaitingClips.StopAsync(database, connection, transaction, job, sentence, now, ct);
            if (sentence is not null) await SaveSentenceAsync(connection, transaction, sentence, now, ct, withEvents: false);
            var notBeforeMs = job.Status == JobStatus.Queued ? UnixTime.ToMs(now + notBefore) : 0;
            if (!await JobRecords.SaveAsync(database, connection, transaction, job, JobStatus.Running, token, now, ct, notBeforeMs, withEvents: false))
                throw new StoreConflictException($"Job {jobId} changed while its claim was held.");
            await WaitingClips.SaveAsync(database, connection, transaction, stopped, now, ct);
            if (afterSave is not null) await afterSave(connection, transaction, job);
            if (next is not null) await JobRecords.InsertAsync(connection, transaction, next, ct);
            EventStore.Stage(database, transaction,
                [.. sentence?.TakeEvents() ?? [], .. job.TakeEvents(), .. stopped.SelectMany(c => c.TakeEvents()), .. next?.TakeEvents() ?? []], now);
            if (job.Status is JobStatus.Succeeded or JobStatus.Failed)
                await connection.ExecuteAsync(new CommandDefinition(
                    job.Status == JobStatus.Succeeded
                        ? "UPDATE devices SET completed = completed + 1 WHERE name = @device"
                        : "UPDATE devices SET failed = failed + 1 WHERE name = @device",
                    new { device }, transaction, cancellationToken: ct));
            woken = LanesMadeClaimable(job, next, retryWaits: notBefore > TimeSpan.Zero);
            return true;
        }, ct);
        if (woken.Count > 0) lanes.WorkQueued(woken);
        return saved;
    }

    /// <summary>
    /// The lanes a write left work for: a queued follow-up's, a requeued job's unless its retry waits
    /// (the lanes' poll picks that up), and the video lane after a narration ended, since it frees the clip that waited for it.
    /// </summary>
    private static IReadOnlyCollection<Lane> LanesMadeClaimable(GenerationJob job, GenerationJob? next, bool retryWaits)
    {
        var woken = new HashSet<Lane>();
        if (next is not null) woken.Add(JobTransitions.LaneOf(next.Kind));
        if (job.Status == JobStatus.Queued && !retryWaits) woken.Add(JobTransitions.LaneOf(job.Kind));
        if (job.Kind == JobKind.Audio && job.Status.IsFinished()) woken.Add(Lane.Video);
        return woken;
    }

    /// <summary>
    /// The job if it is still running under <paramref name="token"/>, and its sentence, both
    /// locked, in one round trip; no job for a claim that was lost.
    /// </summary>
    private async Task<(GenerationJob? Job, Sentence? Sentence)> LoadHeldAsync(
        DbConnection connection, DbTransaction transaction, Guid jobId, Guid token, CancellationToken ct)
    {
        const string held = "id = @jobId AND claim_token = @token AND status = 1";
        using var results = await connection.QueryMultipleAsync(new CommandDefinition($"""
            SELECT {JobRow.Columns} FROM jobs WHERE {held}{database.RowLockClause};
            SELECT {SentenceRow.Columns} FROM sentences WHERE id = (SELECT sentence_id FROM jobs WHERE {held}){database.RowLockClause};
            """, new { jobId, token }, transaction, cancellationToken: ct));
        var job = await results.ReadSingleOrDefaultAsync<JobRow>();
        var sentence = await results.ReadSingleOrDefaultAsync<SentenceRow>();
        return job is null ? (null, null) : (GenerationJob.FromState(job.ToState()), sentence is null ? null : Sentence.FromState(sentence.ToState()));
    }

    /// <summary>The running job this claim just took, found through the lane's unique indexes, for the claim's later statements.</summary>
    private static string ClaimedBy(string column) =>
        $"SELECT {column} FROM jobs WHERE device = @device AND lane = @lane AND status = 1 AND lane_stage = @stage AND claim_token = @token";

    private async Task SaveSentenceAsync(DbConnection connection, DbTransaction transaction, Sentence sentence, DateTimeOffset now, CancellationToken ct,
        bool withEvents = true)
    {
        if (sentence.PendingEvents.Count == 0) return;
        // The row is locked (or the SQLite write lock held) since it was loaded, so its version cannot have moved.
        if (!await SentenceStore.SaveAsync(database, connection, transaction, sentence, now, ct, withEvents))
            throw new StoreConflictException($"Sentence {sentence.Id} changed while locked.");
    }
}
