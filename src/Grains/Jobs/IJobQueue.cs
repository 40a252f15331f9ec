using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// The silo's side of the queue. Every write about a running job names its claim token:
/// a silo that lost its claim (its lease ran out and the job was rescued) gets false and
/// changes nothing.
/// </summary>
public interface IJobQueue
{
    /// <summary>Takes the next job for <paramref name="lane"/> of <paramref name="device"/>, if the silo holds the device and work is waiting.</summary>
    Task<ClaimedJob?> ClaimAsync(string device, Lane lane, string silo, CancellationToken ct);

    /// <summary>
    /// Takes the job that goes on <paramref name="lane"/>'s device after the one there now, so the lane
    /// can prepare it while the device computes (<see cref="LaneStage.Next"/>, at most one per lane).
    /// </summary>
    Task<ClaimedJob?> ClaimNextAsync(string device, Lane lane, string silo, CancellationToken ct);

    /// <summary>The job's work has left the device (its prompt ended): the lane's next job may take it while this one stores its output.</summary>
    Task<bool> LeaveDeviceAsync(Guid jobId, Guid token, CancellationToken ct);

    /// <summary>A next job goes on the device; the store refuses while another job of the lane is still on it.</summary>
    Task<bool> TakeDeviceAsync(Guid jobId, Guid token, CancellationToken ct);

    Task<bool> RenewAsync(Guid jobId, Guid token, CancellationToken ct);

    Task<bool> ReportProgressAsync(Guid jobId, Guid token, double progress, string? step, CancellationToken ct);

    /// <summary>
    /// Stores the output on the sentence (and queues the video of an image job that cascades), in
    /// one transaction. Asking again after a call whose answer was lost but which did commit is
    /// accepted: the output's path is unique to the claim, so finding it stored identifies the
    /// earlier call.
    /// </summary>
    Task<CompletionResult> CompleteAsync(Guid jobId, Guid token, JobOutput output, CancellationToken ct);

    Task<bool> FailAsync(Guid jobId, Guid token, string error, CancellationToken ct);

    /// <summary>Back to the queue with the next attempt after <paramref name="delay"/>, or failed when attempts are used up.</summary>
    Task<bool> RetryAsync(Guid jobId, Guid token, string reason, TimeSpan delay, CancellationToken ct);

    /// <summary>Back to the queue with the same attempt: the silo is shutting down, the work did not fail.</summary>
    Task<bool> ReleaseAsync(Guid jobId, Guid token, string reason, CancellationToken ct);

    Task<bool> ConfirmCancelledAsync(Guid jobId, Guid token, CancellationToken ct);

    /// <summary>Jobs running on <paramref name="silo"/> that someone asked to cancel.</summary>
    Task<IReadOnlyList<Guid>> CancelRequestedAsync(string silo, CancellationToken ct);

    /// <summary>Requeues (or fails, when attempts are used up) running jobs whose lease ran out; returns how many.</summary>
    Task<int> RescueExpiredAsync(CancellationToken ct);
}
