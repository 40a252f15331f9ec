using System.Data.Common;
using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// The creator's side of the queue: regenerate an image or a clip, generate a whole
/// project, cancel. Every request is one transaction that queues the jobs and marks the
/// sentences; once it commits, the lanes that can take the work are told.
/// </summary>
public sealed class JobScheduler(Database database, ILaneDispatch lanes, TimeProvider clock)
{
    /// <summary>Queues a new image for the sentence; the clip follows unless <paramref name="skipVideo"/>.</summary>
    public Task<Outcome<GenerationJob>> RegenerateImageAsync(Guid sentenceId, long? seed, bool skipVideo, CancellationToken ct, JobPriority priority = JobPriority.Interactive) =>
        EnqueueForSentenceAsync(sentenceId, JobKind.Image, seed, skipVideo, priority, ct);

    /// <summary>Queues a new clip for the sentence; refused while it has no image to start from.</summary>
    public Task<Outcome<GenerationJob>> RegenerateVideoAsync(Guid sentenceId, long? seed, CancellationToken ct, JobPriority priority = JobPriority.Interactive) =>
        EnqueueForSentenceAsync(sentenceId, JobKind.Video, seed, skipVideo: false, priority, ct);

    /// <summary>Queues new narration for the sentence (its text spoken with the project's voice and speed).</summary>
    public Task<Outcome<GenerationJob>> RegenerateAudioAsync(Guid sentenceId, CancellationToken ct, JobPriority priority = JobPriority.Interactive) =>
        EnqueueForSentenceAsync(sentenceId, JobKind.Audio, seed: null, skipVideo: false, priority, ct);

    /// <summary>
    /// "Variations": <paramref name="count"/> images of the scene, each with a fresh seed, on the image
    /// lanes with no clip to follow, all in one run: the project's active run if there is one (see
    /// <see cref="RunToJoinAsync"/>), else a new one. Each finished one becomes a take; none
    /// replaces the scene's image, unless the scene has none yet (then the first to finish does).
    /// Refused like a single image (empty prompt, an image already being made) or for a count out of range.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<GenerationJob>>> VariationsAsync(Guid sentenceId, int count, CancellationToken ct)
    {
        if (TakeRules.VariationsRefusal(count) is { } badCount) return Outcome<IReadOnlyList<GenerationJob>>.Failure(badCount);
        var now = clock.GetUtcNow();
        var outcome = await database.WriteAsync(async (connection, transaction) =>
        {
            var loaded = await LoadForRequestAsync(connection, transaction, sentenceId, JobKind.Image, ct);
            if (!loaded.Succeeded) return Outcome<IReadOnlyList<GenerationJob>>.Failure(loaded.Errors);
            var sentence = loaded.Value;
            // Like any work queued while a run is active, the variations join it: its count never starts over.
            var batchId = await RunToJoinAsync(connection, transaction, sentence.ProjectId, now, ct);
            var jobs = Seeds.Fresh(count).Select(seed => GenerationJob.Create(sentence.ProjectId, sentenceId, JobKind.Image, JobPriority.Interactive, now,
                skipVideo: true, seed: seed, batchId: batchId, variation: true)).ToArray();
            await InsertAsync(connection, transaction, sentence, jobs, now, ct);
            return Outcome<IReadOnlyList<GenerationJob>>.Success(jobs);
        }, ct);
        if (outcome.Succeeded) lanes.WorkQueued([Lane.Image]);
        return outcome;
    }

    /// <summary>
    /// "Generate all scenes": for every scene, what <see cref="SceneWork.Missing"/> names
    /// (narration first, then an image followed by its clip, or a clip). Scenes already being
    /// generated are left alone. Null when the project does not exist.
    /// </summary>
    public Task<BatchResult?> GenerateAllAsync(Guid projectId, CancellationToken ct) =>
        QueueBatchAsync(projectId, SceneWork.Missing, ct);

    /// <summary>Queues again what failed: the image (and its clip) or the clip of each scene whose last attempt failed.</summary>
    public Task<BatchResult?> RetryFailedAsync(Guid projectId, CancellationToken ct) =>
        QueueBatchAsync(projectId, SceneWork.Failed, ct);

    /// <summary>
    /// Regenerates what went stale: with <paramref name="images"/>, dirty images, each followed
    /// by its clip (a new image makes the clip stale, as a single "Regenerate Image" does); with
    /// <paramref name="videos"/>, dirty clips of scenes whose image is current.
    /// </summary>
    public Task<BatchResult?> RegenerateDirtyAsync(Guid projectId, bool images, bool videos, CancellationToken ct) =>
        QueueBatchAsync(projectId, sentence => SceneWork.Dirty(sentence, images, videos), ct);

    /// <summary>
    /// "Regenerate them first", asked before a final cut: for every scene what
    /// <see cref="SceneWork.Unready"/> names, so none is missing, failed or stale once it is done.
    /// </summary>
    public Task<BatchResult?> RegenerateUnreadyAsync(Guid projectId, CancellationToken ct) =>
        QueueBatchAsync(projectId, SceneWork.Unready, ct);

    /// <summary>
    /// Queues, as one bulk batch, the jobs <paramref name="pick"/> chooses for each sentence of
    /// the project (in narration order), as far as <see cref="SceneWork.InBatch"/> lets it.
    /// </summary>
    private async Task<BatchResult?> QueueBatchAsync(Guid projectId, Func<Sentence, IReadOnlyList<JobKind>> pick, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var queuedLanes = new HashSet<Lane>();
        var result = await database.WriteAsync<BatchResult?>(async (connection, transaction) =>
        {
            var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM projects WHERE id = @projectId", new { projectId }, transaction, cancellationToken: ct));
            if (exists == 0) return null;
            var batchId = await RunToJoinAsync(connection, transaction, projectId, now, ct);
            var active = (await connection.QueryAsync<(Guid SentenceId, int Kind)>(new CommandDefinition(
                "SELECT DISTINCT sentence_id, kind FROM jobs WHERE project_id = @projectId AND status IN (0, 1) AND sentence_id IS NOT NULL",
                new { projectId }, transaction, cancellationToken: ct))).ToLookup(j => j.SentenceId, j => (JobKind)j.Kind);
            var rows = await connection.QueryAsync<SentenceRow>(new CommandDefinition(
                $"SELECT {SentenceRow.Columns} FROM sentences WHERE project_id = @projectId ORDER BY section_id, idx{database.RowLockClause}",
                new { projectId }, transaction, cancellationToken: ct));
            var ordered = await OrderInNarrationAsync(connection, transaction, projectId, rows, ct);

            var total = 0;
            foreach (var sentence in ordered)
            {
                var kinds = SceneWork.InBatch(sentence, active[sentence.Id].ToArray(), pick(sentence));
                if (kinds.Count == 0) continue;
                queuedLanes.UnionWith(kinds.Select(JobTransitions.LaneOf));
                await QueueAsync(connection, transaction, sentence, kinds, sentence.Seed, skipVideo: false, JobPriority.Bulk, batchId, now, ct);
                total++;
            }
            return new BatchResult(batchId, total);
        }, ct);
        if (result is { Total: > 0 }) lanes.WorkQueued(queuedLanes);
        return result;
    }

    /// <summary>Cancels one job: a queued one at once, a running one by asking its lane to stop it. Null when unknown.</summary>
    public async Task<GenerationJob?> CancelAsync(Guid jobId, CancellationToken ct)
    {
        var (job, result) = await database.WriteAsync<(GenerationJob?, CancelResult)>(async (connection, transaction) =>
        {
            var job = await JobRecords.LoadAsync(connection, transaction, jobId, database.RowLockClause, ct);
            if (job is null) return (null, CancelResult.AlreadyFinished);
            var result = await CancelLoadedAsync(connection, transaction, job, clock.GetUtcNow(), ct);
            return (job, result);
        }, ct);
        if (result == CancelResult.Requested && job?.Device is { } device) lanes.CancelRequested(device, jobId);
        return job;
    }

    /// <summary>Cancels every queued and running job of the project, exports included (the project is going away); returns how many were cancelled or asked to stop.</summary>
    public Task<int> CancelProjectAsync(Guid projectId, CancellationToken ct) => CancelAllAsync(projectId, scenesOnly: false, ct);

    /// <summary>Cancels the project's scene work (images, clips, narration), not its exports; returns how many jobs were cancelled or asked to stop.</summary>
    public Task<int> CancelScenesAsync(Guid projectId, CancellationToken ct) => CancelAllAsync(projectId, scenesOnly: true, ct);

    private async Task<int> CancelAllAsync(Guid projectId, bool scenesOnly, CancellationToken ct)
    {
        var (count, requested) = await database.WriteAsync<(int, List<GenerationJob>)>(async (connection, transaction) =>
        {
            var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
                $"SELECT id FROM jobs WHERE project_id = @projectId AND status IN (0, 1){(scenesOnly ? " AND sentence_id IS NOT NULL" : "")} ORDER BY created_at",
                new { projectId }, transaction, cancellationToken: ct));
            var now = clock.GetUtcNow();
            var count = 0;
            var requested = new List<GenerationJob>();
            foreach (var id in ids)
            {
                var job = await JobRecords.LoadAsync(connection, transaction, id, database.RowLockClause, ct);
                if (job is null) continue;
                var result = await CancelLoadedAsync(connection, transaction, job, now, ct);
                if (result == CancelResult.AlreadyFinished) continue;
                count++;
                if (result == CancelResult.Requested) requested.Add(job);
            }
            return (count, requested);
        }, ct);
        foreach (var job in requested)
            if (job.Device is { } device) lanes.CancelRequested(device, job.Id);
        return count;
    }

    private async Task<CancelResult> CancelLoadedAsync(DbConnection connection, DbTransaction transaction, GenerationJob job, DateTimeOffset now, CancellationToken ct)
    {
        var (status, token) = (job.Status, job.ClaimToken);
        var result = job.Cancel(now);
        if (result == CancelResult.AlreadyFinished) return result;
        if (result == CancelResult.Cancelled && job.SentenceId is { } sentenceId &&
            await SentenceStore.LoadAsync(connection, transaction, sentenceId, database.RowLockClause, ct) is { } sentence)
        {
            sentence.ReflectJob(job, now);
            if (sentence.PendingEvents.Count > 0 && !await SentenceStore.SaveAsync(database, connection, transaction, sentence, now, ct))
                throw new StoreConflictException($"Sentence {sentenceId} changed while locked.");
        }
        if (!await JobRecords.SaveAsync(database, connection, transaction, job, status, token, now, ct))
            throw new StoreConflictException($"Job {job.Id} changed while locked.");
        return result;
    }

    private async Task<Outcome<GenerationJob>> EnqueueForSentenceAsync(Guid sentenceId, JobKind kind, long? seed, bool skipVideo, JobPriority priority, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var outcome = await database.WriteAsync(async (connection, transaction) =>
        {
            var loaded = await LoadForRequestAsync(connection, transaction, sentenceId, kind, ct);
            if (!loaded.Succeeded) return Outcome<GenerationJob>.Failure(loaded.Errors);
            var sentence = loaded.Value;
            if (seed is not null) sentence.ChangeSeed(seed, now);
            var run = await RunToJoinAsync(connection, transaction, sentence.ProjectId, now, ct);
            var job = (await QueueAsync(connection, transaction, sentence, [kind], seed ?? sentence.Seed, skipVideo, priority, run, now, ct))[0];
            return Outcome<GenerationJob>.Success(job);
        }, ct);
        if (outcome.Succeeded) lanes.WorkQueued([JobTransitions.LaneOf(kind)]);
        return outcome;
    }

    /// <summary>
    /// The run new work of the project belongs to: the run that has work waiting or running (so a
    /// single regeneration during "generate all" joins it and its count never starts over), else a new one.
    /// </summary>
    private static async Task<Guid> RunToJoinAsync(DbConnection connection, DbTransaction transaction, Guid projectId, DateTimeOffset now, CancellationToken ct) =>
        await connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT batch_id FROM jobs WHERE project_id = @projectId AND sentence_id IS NOT NULL AND batch_id IS NOT NULL AND status IN (0, 1) ORDER BY created_at, id LIMIT 1",
            new { projectId }, transaction, cancellationToken: ct)) ?? Guid.CreateVersion7(now);

    /// <summary>The sentence, locked, and why a creator's request for a job of <paramref name="kind"/> is refused (see <see cref="SceneWork.Refusal"/>).</summary>
    private async Task<Outcome<Sentence>> LoadForRequestAsync(
        DbConnection connection, DbTransaction transaction, Guid sentenceId, JobKind kind, CancellationToken ct)
    {
        var sentence = await SentenceStore.LoadAsync(connection, transaction, sentenceId, database.RowLockClause, ct);
        if (sentence is null) return Outcome<Sentence>.Failure(new ValidationError("sentenceId", $"Sentence {sentenceId} does not exist.", ValidationErrorKind.NotFound));
        var active = (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT DISTINCT kind FROM jobs WHERE sentence_id = @sentenceId AND status IN (0, 1)",
            new { sentenceId }, transaction, cancellationToken: ct))).Select(k => (JobKind)k).ToArray();
        return SceneWork.Refusal(sentence, kind, active) is { } refusal ? Outcome<Sentence>.Failure(refusal) : Outcome<Sentence>.Success(sentence);
    }

    /// <summary>Queues one job of each kind for the sentence; the sentence is saved once, since its stored version moves with each save.</summary>
    private Task<IReadOnlyList<GenerationJob>> QueueAsync(
        DbConnection connection, DbTransaction transaction, Sentence sentence, IReadOnlyList<JobKind> kinds, long? seed, bool skipVideo,
        JobPriority priority, Guid? batchId, DateTimeOffset now, CancellationToken ct) =>
        InsertAsync(connection, transaction, sentence, kinds.Select(kind => GenerationJob.Create(sentence.ProjectId, sentence.Id, kind, priority, now, skipVideo,
            kind == JobKind.Audio ? null : seed, batchId)).ToArray(), now, ct);

    /// <summary>Inserts queued jobs of the sentence and shows them on it, in the caller's transaction.</summary>
    private async Task<IReadOnlyList<GenerationJob>> InsertAsync(
        DbConnection connection, DbTransaction transaction, Sentence sentence, IReadOnlyList<GenerationJob> jobs, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var job in jobs) sentence.ReflectJob(job, now);
        if (!await SentenceStore.SaveAsync(database, connection, transaction, sentence, now, ct, withEvents: false))
            throw new StoreConflictException($"Sentence {sentence.Id} changed while locked.");
        foreach (var job in jobs) await JobRecords.InsertAsync(connection, transaction, job, ct);
        EventStore.Stage(database, transaction, [.. sentence.TakeEvents(), .. jobs.SelectMany(j => j.TakeEvents())], now);
        return jobs;
    }

    private static async Task<IReadOnlyList<Sentence>> OrderInNarrationAsync(
        DbConnection connection, DbTransaction transaction, Guid projectId, IEnumerable<SentenceRow> rows, CancellationToken ct)
    {
        var sectionOrder = (await connection.QueryAsync<(Guid Id, int Idx)>(new CommandDefinition(
            "SELECT id, idx FROM sections WHERE project_id = @projectId", new { projectId }, transaction, cancellationToken: ct)))
            .ToDictionary(s => s.Id, s => s.Idx);
        return rows.Select(r => Sentence.FromState(r.ToState()))
            .OrderBy(s => sectionOrder.GetValueOrDefault(s.SectionId)).ThenBy(s => s.Index)
            .ToArray();
    }
}
