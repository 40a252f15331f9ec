using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// One piece of a scene's work in a run: the jobs one request queued for the scene (narration,
/// image, the clip that follows the image). A request made after the scene's earlier work in the
/// run had all finished is a new piece, so a finished piece never becomes unfinished again.
/// </summary>
public sealed record SceneRunWork(IReadOnlyList<GenerationJob> Jobs)
{
    /// <summary>
    /// Running while any job runs, queued while any waits; once all ended, failed if any failed,
    /// cancelled if any was cancelled or asked to stop (the clip that was to follow it never came),
    /// else done.
    /// </summary>
    public SceneRunState State =>
        Jobs.Any(j => j.Status == JobStatus.Running) ? SceneRunState.Running
        : Jobs.Any(j => j.Status == JobStatus.Queued) ? SceneRunState.Queued
        : Failure is not null ? SceneRunState.Failed
        : Jobs.Any(j => j.Status == JobStatus.Cancelled || j.CancelRequested) ? SceneRunState.Cancelled
        : SceneRunState.Done;

    /// <summary>The last job of the piece that failed, if any.</summary>
    public GenerationJob? Failure => Jobs.LastOrDefault(j => j.Status == JobStatus.Failed);

    /// <summary>A scene's jobs of one run, oldest first, cut into pieces.</summary>
    public static IReadOnlyList<SceneRunWork> Split(IReadOnlyList<GenerationJob> jobs)
    {
        var pieces = new List<List<GenerationJob>>();
        foreach (var job in jobs)
        {
            if (pieces.Count == 0 || StartsAnew(pieces[^1], job)) pieces.Add([job]);
            else pieces[^1].Add(job);
        }
        return pieces.Select(p => new SceneRunWork(p)).ToArray();
    }

    private static bool StartsAnew(IReadOnlyList<GenerationJob> piece, GenerationJob next) =>
        piece.All(j => j.FinishedAt is { } finished && finished <= next.CreatedAt) && !IsFollowUp(piece, next);

    /// <summary>The clip an image of the piece queued as it was stored, in the same moment it finished.</summary>
    private static bool IsFollowUp(IReadOnlyList<GenerationJob> piece, GenerationJob next) =>
        next.Kind == JobKind.Video && piece.All(j => j.Kind != JobKind.Video)
        && piece.Any(j => j is { Kind: JobKind.Image, ThenVideo: true, Status: JobStatus.Succeeded } && j.FinishedAt == next.CreatedAt);
}
