namespace VideoGen.Grains.Domain;

/// <summary>The legal moves of a job's state; anything else is a broken invariant.</summary>
public static class JobTransitions
{
    public static bool IsAllowed(JobStatus from, JobStatus to) => (from, to) switch
    {
        (JobStatus.Queued, JobStatus.Running) => true,
        (JobStatus.Queued, JobStatus.Cancelled) => true,
        // A clip whose narration failed fails where it waits: its length would be made up.
        (JobStatus.Queued, JobStatus.Failed) => true,
        (JobStatus.Running, JobStatus.Succeeded) => true,
        (JobStatus.Running, JobStatus.Failed) => true,
        (JobStatus.Running, JobStatus.Cancelled) => true,
        // A running job whose silo died, or whose attempt hit a transient fault, goes back to the queue.
        (JobStatus.Running, JobStatus.Queued) => true,
        _ => false,
    };

    public static bool IsFinished(this JobStatus status) =>
        status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;

    /// <summary>The lane a kind of job runs on.</summary>
    public static Lane LaneOf(JobKind kind) => kind switch
    {
        JobKind.Image => Lane.Image,
        JobKind.Video => Lane.Video,
        JobKind.Audio or JobKind.Export => Lane.Cpu,
        _ => throw new DomainException($"Unknown job kind {(int)kind}."),
    };
}
