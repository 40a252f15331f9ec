using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;

namespace VideoGen.Grains.Scenes;

/// <summary>
/// The queue as a silo's lanes see it on the cluster: the outcome of a scene's job (its output
/// stored, or its failure) goes to the scene's grain, which owns every change of the scene and
/// its cascade; claims, leases, progress and hand-backs go to the store directly. Every write
/// still carries the claim token, so a lane that lost its claim changes nothing either way.
/// </summary>
/// <remarks>
/// A scene's grain may live on a silo that froze or died and is not yet declared dead, or this silo
/// may still be joining the cluster; calls to it then hang or fail until membership settles. A lane
/// does not wait for that: after <see cref="GrainWait"/>, or on any error of the call, it stores the outcome itself, under the same claim token, and a late
/// delivery of the grain call finds the outcome already stored (storing it again is accepted).
/// </remarks>
public sealed class SceneJobQueue(JobQueue store, IGrainFactory grains, ILogger<SceneJobQueue> logger) : IJobQueue
{
    /// <summary>How long a lane waits for a scene's grain before storing a job's outcome itself.</summary>
    public static readonly TimeSpan GrainWait = TimeSpan.FromSeconds(5);

    // The scene of each job this process claimed, so an outcome finds its grain without a read.
    private readonly ConcurrentDictionary<Guid, Guid> _sceneOfJob = new();

    /// <inheritdoc />
    public async Task<ClaimedJob?> ClaimAsync(string device, Lane lane, string silo, CancellationToken ct) =>
        Remember(await store.ClaimAsync(device, lane, silo, ct));

    /// <inheritdoc />
    public async Task<ClaimedJob?> ClaimNextAsync(string device, Lane lane, string silo, CancellationToken ct) =>
        Remember(await store.ClaimNextAsync(device, lane, silo, ct));

    /// <inheritdoc />
    public Task<bool> LeaveDeviceAsync(Guid jobId, Guid token, CancellationToken ct) => store.LeaveDeviceAsync(jobId, token, ct);

    /// <inheritdoc />
    public Task<bool> TakeDeviceAsync(Guid jobId, Guid token, CancellationToken ct) => store.TakeDeviceAsync(jobId, token, ct);

    private ClaimedJob? Remember(ClaimedJob? claimed)
    {
        if (claimed?.Job.SentenceId is { } sentenceId) _sceneOfJob[claimed.Job.Id] = sentenceId;
        return claimed;
    }

    /// <inheritdoc />
    public Task<bool> RenewAsync(Guid jobId, Guid token, CancellationToken ct) => store.RenewAsync(jobId, token, ct);

    /// <inheritdoc />
    public Task<bool> ReportProgressAsync(Guid jobId, Guid token, double progress, string? step, CancellationToken ct) =>
        store.ReportProgressAsync(jobId, token, progress, step, ct);

    /// <inheritdoc />
    public Task<CompletionResult> CompleteAsync(Guid jobId, Guid token, JobOutput output, CancellationToken ct) =>
        OutcomeAsync(jobId, g => g.CompleteJob(jobId, token, output), () => store.CompleteAsync(jobId, token, output, ct), ct);

    /// <inheritdoc />
    public Task<bool> FailAsync(Guid jobId, Guid token, string error, CancellationToken ct) =>
        OutcomeAsync(jobId, g => g.FailJob(jobId, token, error), () => store.FailAsync(jobId, token, error, ct), ct);

    /// <inheritdoc />
    public Task<bool> RetryAsync(Guid jobId, Guid token, string reason, TimeSpan delay, CancellationToken ct) =>
        Forget(jobId, store.RetryAsync(jobId, token, reason, delay, ct));

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(Guid jobId, Guid token, string reason, CancellationToken ct) =>
        Forget(jobId, store.ReleaseAsync(jobId, token, reason, ct));

    /// <inheritdoc />
    public Task<bool> ConfirmCancelledAsync(Guid jobId, Guid token, CancellationToken ct) =>
        Forget(jobId, store.ConfirmCancelledAsync(jobId, token, ct));

    /// <inheritdoc />
    public Task<IReadOnlyList<Guid>> CancelRequestedAsync(string silo, CancellationToken ct) => store.CancelRequestedAsync(silo, ct);

    /// <inheritdoc />
    public Task<int> RescueExpiredAsync(CancellationToken ct) => store.RescueExpiredAsync(ct);

    /// <summary>A job's outcome: through its scene's grain when this process claimed a scene's job, else (an export) to the store.</summary>
    private async Task<T> OutcomeAsync<T>(Guid jobId, Func<ISentenceGrain, Task<T>> call, Func<Task<T>> direct, CancellationToken ct)
    {
        try
        {
            if (!_sceneOfJob.TryGetValue(jobId, out var sentenceId)) return await direct();
            try
            {
                return await call(grains.GetGrain<ISentenceGrain>(sentenceId)).WaitAsync(GrainWait, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Whatever kept the grain from answering (a silo frozen or dead, a silo still joining), the
                // claim token is the fence: the lane stores the outcome itself rather than lose the work.
                logger.LogWarning("The grain of scene {SentenceId} did not answer ({Reason}); job {JobId}'s outcome is stored directly under its claim",
                    sentenceId, e.GetType().Name, jobId);
                return await direct();
            }
        }
        finally
        {
            _sceneOfJob.TryRemove(jobId, out _);
        }
    }

    private async Task<bool> Forget(Guid jobId, Task<bool> write)
    {
        var written = await write;
        _sceneOfJob.TryRemove(jobId, out _);
        return written;
    }
}
