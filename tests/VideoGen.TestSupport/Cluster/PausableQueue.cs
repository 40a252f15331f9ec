using System.Collections.Concurrent;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;

namespace VideoGen.TestSupport.Cluster;

/// <summary>
/// A silo's view of the queue that a test can freeze, as a process stalled by a long GC
/// pause or a stopped VM would be: while paused, every call waits. Records how each write
/// about a running job was answered, so a test can see a zombie's writes refused.
/// </summary>
public sealed class PausableQueue(IJobQueue inner) : IJobQueue
{
    private TaskCompletionSource? _paused;
    private int _dropNextCompletion; // 0: none, 1: before the commit, 2: after it

    /// <summary>Writes about running jobs (name, job, accepted) in the order they were answered.</summary>
    public ConcurrentQueue<(string Write, Guid JobId, bool Accepted)> Writes { get; } = new();

    public void Pause() => Interlocked.CompareExchange(ref _paused, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);

    public void Resume() => Interlocked.Exchange(ref _paused, null)?.TrySetResult();

    /// <summary>
    /// The next completion fails as a dropped database connection would: before its transaction
    /// ran, or, with <paramref name="afterCommit"/>, after it committed (the answer was lost).
    /// </summary>
    public void DropNextCompletion(bool afterCommit) => Volatile.Write(ref _dropNextCompletion, afterCommit ? 2 : 1);

    public async Task<ClaimedJob?> ClaimAsync(string device, Lane lane, string silo, CancellationToken ct)
    {
        await GateAsync(ct);
        return await inner.ClaimAsync(device, lane, silo, ct);
    }

    public async Task<ClaimedJob?> ClaimNextAsync(string device, Lane lane, string silo, CancellationToken ct)
    {
        await GateAsync(ct);
        return await inner.ClaimNextAsync(device, lane, silo, ct);
    }

    public Task<bool> LeaveDeviceAsync(Guid jobId, Guid token, CancellationToken ct) =>
        RecordAsync("leave device", jobId, () => inner.LeaveDeviceAsync(jobId, token, ct), ct);

    public Task<bool> TakeDeviceAsync(Guid jobId, Guid token, CancellationToken ct) =>
        RecordAsync("take device", jobId, () => inner.TakeDeviceAsync(jobId, token, ct), ct);

    public Task<bool> RenewAsync(Guid jobId, Guid token, CancellationToken ct) => RecordAsync("renew", jobId, () => inner.RenewAsync(jobId, token, ct), ct);

    public Task<bool> ReportProgressAsync(Guid jobId, Guid token, double progress, string? step, CancellationToken ct) =>
        RecordAsync("progress", jobId, () => inner.ReportProgressAsync(jobId, token, progress, step, ct), ct);

    public async Task<CompletionResult> CompleteAsync(Guid jobId, Guid token, JobOutput output, CancellationToken ct)
    {
        await GateAsync(ct);
        var drop = Interlocked.Exchange(ref _dropNextCompletion, 0);
        if (drop == 1) throw new DroppedConnectionException();
        var result = await inner.CompleteAsync(jobId, token, output, ct);
        Writes.Enqueue(("complete", jobId, result.Accepted));
        if (drop == 2) throw new DroppedConnectionException();
        return result;
    }

    public Task<bool> FailAsync(Guid jobId, Guid token, string error, CancellationToken ct) => RecordAsync("fail", jobId, () => inner.FailAsync(jobId, token, error, ct), ct);

    public Task<bool> RetryAsync(Guid jobId, Guid token, string reason, TimeSpan delay, CancellationToken ct) =>
        RecordAsync("retry", jobId, () => inner.RetryAsync(jobId, token, reason, delay, ct), ct);

    public Task<bool> ReleaseAsync(Guid jobId, Guid token, string reason, CancellationToken ct) =>
        RecordAsync("release", jobId, () => inner.ReleaseAsync(jobId, token, reason, ct), ct);

    public Task<bool> ConfirmCancelledAsync(Guid jobId, Guid token, CancellationToken ct) =>
        RecordAsync("cancelled", jobId, () => inner.ConfirmCancelledAsync(jobId, token, ct), ct);

    public async Task<IReadOnlyList<Guid>> CancelRequestedAsync(string silo, CancellationToken ct)
    {
        await GateAsync(ct);
        return await inner.CancelRequestedAsync(silo, ct);
    }

    public async Task<int> RescueExpiredAsync(CancellationToken ct)
    {
        await GateAsync(ct);
        return await inner.RescueExpiredAsync(ct);
    }

    private async Task<bool> RecordAsync(string write, Guid jobId, Func<Task<bool>> call, CancellationToken ct)
    {
        await GateAsync(ct);
        var accepted = await call();
        Writes.Enqueue((write, jobId, accepted));
        return accepted;
    }

    private Task GateAsync(CancellationToken ct) => Volatile.Read(ref _paused) is { } paused ? paused.Task.WaitAsync(ct) : Task.CompletedTask;
}
