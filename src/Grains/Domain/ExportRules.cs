namespace VideoGen.Grains.Domain;

/// <summary>When a final cut may start: checked before queuing, so nothing is discovered halfway.</summary>
public static class ExportRules
{
    /// <summary>The scenes that still lack an image, a clip or narration, in narration order.</summary>
    public static IReadOnlyList<ExportScene> Incomplete(IReadOnlyList<ExportScene> scenes) =>
        scenes.Where(s => s.Missing.Count > 0).ToArray();

    /// <summary>
    /// The scenes a final cut made now would show other than the script says, in narration order
    /// (<paramref name="sentences"/> are the project's, in that order): an asset missing, the last
    /// attempt at one failed, or one out of date. A scene is named once, by the worst of these.
    /// </summary>
    public static IReadOnlyList<UnreadyScene> Unready(IReadOnlyList<Sentence> sentences) =>
        sentences.Select((s, i) => ProblemOf(s) is { } problem ? new UnreadyScene(s.Id, i + 1, s.Text, problem) : null)
            .OfType<UnreadyScene>().ToArray();

    private static SceneProblem? ProblemOf(Sentence s) =>
        s.ImageFile is null || s.VideoFile is null || SceneWork.NarrationMissing(s) ? SceneProblem.Missing
        : s.ImageStatus == AssetStatus.Failed || s.VideoStatus == AssetStatus.Failed || s.AudioStatus == AssetStatus.Failed ? SceneProblem.Failed
        : SceneWork.ImageStale(s) || SceneWork.VideoStale(s) || s.IsAudioDirty ? SceneProblem.Stale
        : null;

    /// <summary>Whether a final cut can be made of <paramref name="scenes"/>: at least one scene, and every scene complete.</summary>
    public static bool IsReady(IReadOnlyList<ExportScene> scenes) => scenes.Count > 0 && Incomplete(scenes).Count == 0;
}
