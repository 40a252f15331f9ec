using VideoGen.Grains.Domain;

namespace VideoGen.Web.Api;

/// <summary>A generation job as the API shows it.</summary>
public sealed record JobResponse(
    Guid Id, Guid? SentenceId, JobKind Kind, JobStatus Status, double Progress, string? Step, string? Device,
    int Attempt, string? Error, bool ThenVideo, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static JobResponse From(GenerationJob j) => new(
        j.Id, j.SentenceId, j.Kind, j.Status, j.Progress, j.Step, j.Device, j.Attempt, j.Error, j.ThenVideo, j.CreatedAt, j.StartedAt, j.FinishedAt);
}

/// <summary>The answer to a request that queued a job.</summary>
public sealed record JobAccepted(Guid JobId, string Message);

/// <summary>The answer to "generate all": the batch and how many scenes it covers.</summary>
public sealed record BatchAccepted(Guid BatchId, int Total);

/// <summary>
/// A project's current run, for the progress endpoint: its counted scenes by state, and whether any
/// of its work (also a single regeneration that joined it, not counted) still waits or runs.
/// </summary>
public sealed record ProgressResponse(int Total, int Done, int Failed, int Running, int Queued, int Cancelled, bool Active, IReadOnlyList<StepResponse> CurrentSteps)
{
    public static ProgressResponse From(VideoGen.Grains.Jobs.ProjectProgress p) => new(p.Total, p.Done, p.Failed, p.Running, p.Queued, p.Cancelled, p.Active,
        p.CurrentSteps.Select(s => new StepResponse(s.SentenceId, s.Step.ToString().ToLowerInvariant(), s.Progress)).ToArray());
}

/// <summary>A scene's running step.</summary>
public sealed record StepResponse(Guid SentenceId, string Step, double Progress);
