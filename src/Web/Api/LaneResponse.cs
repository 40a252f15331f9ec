using VideoGen.Web.Devices;

namespace VideoGen.Web.Api;

/// <summary>
/// What one lane of a device runs: a job id, or null when idle; then the running job's kind, start,
/// progress, step and attempt, and how many seconds the lane's recent jobs took (null before any finished).
/// </summary>
public sealed record LaneResponse(
    Guid? JobId, string? Kind = null, DateTimeOffset? StartedAt = null, double? Progress = null, string? Step = null, int? Attempt = null,
    double? RecentJobSeconds = null)
{
    public static LaneResponse From(LaneView lane) => lane.Running is { } job
        ? new(job.Id, job.Kind.ToString().ToLowerInvariant(), job.StartedAt, job.Progress, job.Step, job.Attempt, lane.RecentJobDuration?.TotalSeconds)
        : new(null, RecentJobSeconds: lane.RecentJobDuration?.TotalSeconds);
}
