using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// Where a project's current run of generation stands, counted in scenes: a scene is done
/// when all its work in the run succeeded, failed when any of it failed, and so on. The run
/// is the work queued since the oldest job still waiting or running; once everything has
/// finished, the last batch ("generate all", "retry failed", "regenerate dirty").
/// </summary>
public sealed record ProjectProgress(
    int Total, int Done, int Failed, int Running, int Queued, int Cancelled,
    IReadOnlyList<CurrentStep> CurrentSteps, IReadOnlyList<FailedScene> Failures)
{
    public static readonly ProjectProgress Idle = new(0, 0, 0, 0, 0, 0, [], []);

    /// <summary>Work of the run is still waiting or running.</summary>
    public bool Active => Running + Queued > 0;

    /// <summary>Scenes whose work in the run has ended, one way or another.</summary>
    public int Finished => Done + Failed + Cancelled;

    public static ProjectProgress Of(IReadOnlyList<GenerationJob> all)
    {
        // A run is scene work; an export (no sentence) neither starts one nor hides the last one.
        var jobs = all.Where(j => j.SentenceId is not null).ToArray();
        var active = jobs.Where(j => !j.Status.IsFinished()).ToArray();
        IEnumerable<GenerationJob> run;
        if (active.Length > 0)
        {
            var start = active.Min(j => j.CreatedAt);
            run = jobs.Where(j => j.CreatedAt >= start);
        }
        else if (jobs.Where(j => j.BatchId is not null).MaxBy(j => j.CreatedAt) is { BatchId: { } lastBatch })
            run = jobs.Where(j => j.BatchId == lastBatch);
        else return Idle;

        var scenes = run.GroupBy(j => j.SentenceId!.Value).ToArray();
        int done = 0, failed = 0, running = 0, queued = 0, cancelled = 0;
        var failures = new List<FailedScene>();
        foreach (var scene in scenes)
        {
            if (scene.Any(j => j.Status == JobStatus.Running)) running++;
            else if (scene.Any(j => j.Status == JobStatus.Queued)) queued++;
            else if (scene.LastOrDefault(j => j.Status == JobStatus.Failed) is { } failure)
            {
                failed++;
                failures.Add(new FailedScene(scene.Key, failure.Kind, failure.Error ?? "Generation failed."));
            }
            else if (scene.Any(j => j.Status == JobStatus.Cancelled)) cancelled++;
            else done++;
        }
        var steps = jobs.Where(j => j.Status == JobStatus.Running)
            .Select(j => new CurrentStep(j.SentenceId!.Value, j.Kind, j.Progress)).ToArray();
        return new ProjectProgress(scenes.Length, done, failed, running, queued, cancelled, steps, failures);
    }
}

/// <summary>A scene's work that is running now: which step and how far.</summary>
public sealed record CurrentStep(Guid SentenceId, JobKind Step, double Progress);

/// <summary>A scene whose work failed in the run, and why.</summary>
public sealed record FailedScene(Guid SentenceId, JobKind Kind, string Error);
