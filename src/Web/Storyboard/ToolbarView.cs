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
}
