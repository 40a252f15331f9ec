using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Scenes;

/// <summary>
/// A scene's commands, one at a time. The grain keeps no copy of the sentence between calls:
/// lanes store job outcomes on the same row, so each command loads the row, applies the
/// sentence's rule and saves it with its jobs and events in one transaction, guarded by the row
/// version (a second activation on a silo declared dead cannot overwrite a newer change).
/// </summary>
public sealed class SentenceGrain(ISentenceStore sentences, ITakeStore takes, JobScheduler scheduler, JobReader jobs, JobQueue queue, TimeProvider clock)
    : Grain, ISentenceGrain
{
    private readonly RecentRequests<JobRequestResult> _answered = new(32);
    private readonly RecentRequests<JobsRequestResult> _batches = new(8);

    private Guid Id => this.GetPrimaryKey();

    /// <inheritdoc />
    public async Task<bool> Edit(SentenceEdit edit) =>
        await sentences.UpdateAsync(Id, s => s.Apply(edit, clock.GetUtcNow()), CancellationToken.None) is not null;

    /// <inheritdoc />
    public Task<JobRequestResult> RegenerateImage(Guid requestId, long? seed, bool skipVideo) =>
        QueueOnceAsync(requestId, () => scheduler.RegenerateImageAsync(Id, seed, skipVideo, CancellationToken.None));

    /// <inheritdoc />
    public Task<JobRequestResult> RegenerateVideo(Guid requestId, long? seed) =>
        QueueOnceAsync(requestId, () => scheduler.RegenerateVideoAsync(Id, seed, CancellationToken.None));

    /// <inheritdoc />
    public Task<JobRequestResult> RegenerateAudio(Guid requestId) =>
        QueueOnceAsync(requestId, () => scheduler.RegenerateAudioAsync(Id, CancellationToken.None));

    /// <inheritdoc />
    public Task<JobsRequestResult> Variations(Guid requestId, int count) =>
        _batches.OnceAsync(requestId, async () =>
        {
            var outcome = await scheduler.VariationsAsync(Id, count, CancellationToken.None);
            return outcome.Succeeded ? JobsRequestResult.Queued(outcome.Value.Select(j => j.Id).ToArray()) : JobsRequestResult.Refused(outcome.Errors);
        });

    /// <inheritdoc />
    public Task<TakeResult> ActivateTake(Guid takeId) => takes.ActivateAsync(Id, takeId, CancellationToken.None);

    /// <inheritdoc />
    public Task<TakeResult> ReuseTake(Guid takeId) => takes.ReuseAsync(Id, takeId, CancellationToken.None);

    /// <inheritdoc />
    public Task<TakeResult> DeleteTake(Guid takeId) => takes.DeleteAsync(Id, takeId, CancellationToken.None);

    /// <inheritdoc />
    public async Task<bool> CancelJob(Guid jobId)
    {
        if (await jobs.GetAsync(jobId, CancellationToken.None) is not { } job || job.SentenceId != Id) return false;
        await scheduler.CancelAsync(jobId, CancellationToken.None);
        return true;
    }

    /// <inheritdoc />
    public async Task<int> CancelActive()
    {
        var active = await jobs.ActiveForSentenceAsync(Id, CancellationToken.None);
        foreach (var job in active) await scheduler.CancelAsync(job.Id, CancellationToken.None);
        return active.Count;
    }

    /// <inheritdoc />
    public Task<CompletionResult> CompleteJob(Guid jobId, Guid claimToken, JobOutput output) =>
        queue.CompleteAsync(jobId, claimToken, output, CancellationToken.None);

    /// <inheritdoc />
    public Task<bool> FailJob(Guid jobId, Guid claimToken, string error) =>
        queue.FailAsync(jobId, claimToken, error, CancellationToken.None);

    private Task<JobRequestResult> QueueOnceAsync(Guid requestId, Func<Task<Outcome<GenerationJob>>> queue) =>
        _answered.OnceAsync(requestId, async () =>
        {
            var outcome = await queue();
            return outcome.Succeeded ? JobRequestResult.Queued(outcome.Value.Id) : JobRequestResult.Refused(outcome.Errors);
        });
}
