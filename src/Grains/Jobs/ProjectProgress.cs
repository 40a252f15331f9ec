using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// Where a project's current run of generation stands. A run is every scene job that carries its
/// run id: work queued while a run is active joins it, work queued while nothing runs starts a new
/// one. The current run is the one with work waiting or running, else the last one. It is counted in
/// scenes, each by its first piece of work in the run (<see cref="SceneRunWork"/>), which once
/// finished stays finished: <see cref="Total"/> never shrinks and <see cref="Finished"/> only grows.
/// A single regeneration that joins a bulk run after it started is not counted: it shows on its own
/// scene (<see cref="JoinedActive"/>), and the run ends when it does.
/// </summary>
public sealed record ProjectProgress(
    int Total, int Done, int Failed, int Running, int Queued, int Cancelled,
    IReadOnlyList<CurrentStep> CurrentSteps, IReadOnlyList<FailedScene> Failures)
{
    public static readonly ProjectProgress Idle = new(0, 0, 0, 0, 0, 0, [], []);

    /// <summary>How each scene of the run ended up: the state of its last piece of work in the run.</summary>
    public RunOutcome Scenes { get; init; } = RunOutcome.None;

    /// <summary>Pieces of work of the run outside the count (they joined it later) still waiting or running.</summary>
    public int JoinedActive { get; init; }

    /// <summary>Work of the run is still waiting or running.</summary>
    public bool Active => Running + Queued + JoinedActive > 0;

    /// <summary>Counted scenes whose work in the run has ended, one way or another.</summary>
    public int Finished => Done + Failed + Cancelled;

    /// <summary>The run a job belongs to; a job queued before runs had ids is a run of its own.</summary>
    public static Guid RunOf(GenerationJob job) => job.BatchId ?? job.Id;

    /// <summary>
    /// The progress of the current run among <paramref name="all"/>, a project's jobs oldest first
    /// (by creation, then id): the run of the oldest job still waiting or running, else of the newest job.
    /// </summary>
    public static ProjectProgress Of(IReadOnlyList<GenerationJob> all)
    {
        // A run is scene work; an export (no sentence) neither starts one nor hides the last one.
        var jobs = all.Where(j => j.SentenceId is not null).ToArray();
        if (jobs.Length == 0) return Idle;
        var current = RunOf(jobs.FirstOrDefault(j => !j.Status.IsFinished()) ?? jobs.MaxBy(j => j.CreatedAt)!);
        var run = jobs.Where(j => RunOf(j) == current).ToArray();
        var scenes = run.GroupBy(j => j.SentenceId!.Value).Select(scene => SceneRunWork.Split(scene.ToArray())).ToArray();

        // A bulk run counts the scenes it was asked for, and those whose single regeneration it joined.
        var bulkStart = run.Where(j => j.Priority == JobPriority.Bulk).Select(j => (DateTimeOffset?)j.CreatedAt).Min();
        var counted = scenes.Where(p => bulkStart is not { } start || p[0].Jobs[0].Priority == JobPriority.Bulk || p[0].Jobs[0].CreatedAt <= start)
            .Select(p => p[0]).ToArray();
        var joinedActive = scenes.SelectMany(p => p).Except(counted).Count(p => p.State is SceneRunState.Running or SceneRunState.Queued);
        var last = scenes.Select(p => p[^1]).ToArray();
        var failures = last.Where(p => p.State == SceneRunState.Failed)
            .Select(p => p.Failure!).Select(f => new FailedScene(f.SentenceId!.Value, f.Kind, f.Error ?? "Generation failed.")).ToArray();
        var steps = run.Where(j => j.Status == JobStatus.Running)
            .Select(j => new CurrentStep(j.SentenceId!.Value, j.Kind, j.Progress)).ToArray();
        return new ProjectProgress(counted.Length, Count(counted, SceneRunState.Done), Count(counted, SceneRunState.Failed),
            Count(counted, SceneRunState.Running), Count(counted, SceneRunState.Queued), Count(counted, SceneRunState.Cancelled), steps, failures)
        {
            Scenes = new RunOutcome(last.Length, Count(last, SceneRunState.Done), Count(last, SceneRunState.Failed), Count(last, SceneRunState.Cancelled)),
            JoinedActive = joinedActive,
        };
    }

    private static int Count(IEnumerable<SceneRunWork> pieces, SceneRunState state) => pieces.Count(p => p.State == state);
}

/// <summary>A scene's work that is running now: which step and how far.</summary>
public sealed record CurrentStep(Guid SentenceId, JobKind Step, double Progress);

/// <summary>A scene whose work failed in the run, and why.</summary>
public sealed record FailedScene(Guid SentenceId, JobKind Kind, string Error);
