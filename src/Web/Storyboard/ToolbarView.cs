using VideoGen.Grains.Jobs;

namespace VideoGen.Web.Storyboard;

/// <summary>
/// The storyboard toolbar: the run's progress, the counters of stale images and clips, apart from
/// them the scenes with an asset never made (<paramref name="Missing"/>), and what failed.
/// </summary>
public sealed record ToolbarView(
    Guid ProjectId, ProjectProgress Progress, int Scenes, int DirtyImages, int DirtyVideos, int Missing,
    IReadOnlyDictionary<Guid, string> SceneTexts)
{
    /// <summary>"Generating... (5/24)" while a run is active.</summary>
    public string? Generating => Progress.Active ? $"Generating... ({Progress.Finished}/{Progress.Total})" : null;

    public int Percent => Progress.Total == 0 ? 0 : (int)Math.Round(100.0 * Progress.Finished / Progress.Total);

    /// <summary>
    /// How the run that just ended went, counted in its own scenes: "Generation finished: 4 scenes
    /// generated, 1 failed." It speaks of what the run did, not of the project being ready.
    /// </summary>
    public string RunSummary
    {
        get
        {
            var run = Progress.Scenes;
            var parts = new List<string>(3) { Count(run.Done, "scene", "scenes") + " generated" };
            if (run.Failed > 0) parts.Add($"{run.Failed} failed");
            if (run.Cancelled > 0) parts.Add($"{run.Cancelled} cancelled");
            var how = run.Failed > 0 ? "Generation finished with errors" : run.Cancelled > 0 ? "Generation cancelled" : "Generation finished";
            return $"{how}: {string.Join(", ", parts)}.";
        }
    }

    /// <summary>What the project still lacks after the run, e.g. "Still to do: 5 clips out of date."; null when nothing.</summary>
    public string? StillToDo
    {
        get
        {
            var left = new List<string>(3);
            if (DirtyImages > 0) left.Add(Count(DirtyImages, "image", "images") + " out of date");
            if (DirtyVideos > 0) left.Add(Count(DirtyVideos, "clip", "clips") + " out of date");
            if (Missing > 0) left.Add(Count(Missing, "scene", "scenes") + " not generated yet");
            return left.Count == 0 ? null : $"Still to do: {string.Join(", ", left)}.";
        }
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
