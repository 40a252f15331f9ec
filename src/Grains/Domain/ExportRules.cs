namespace VideoGen.Grains.Domain;

/// <summary>When a final cut may start: checked before queuing, so nothing is discovered halfway.</summary>
public static class ExportRules
{
    /// <summary>The scenes that still lack an image, a clip or narration, in narration order.</summary>
    public static IReadOnlyList<ExportScene> Incomplete(IReadOnlyList<ExportScene> scenes) =>
        scenes.Where(s => s.Missing.Count > 0).ToArray();

    /// <summary>Whether a final cut can be made of <paramref name="scenes"/>: at least one scene, and every scene complete.</summary>
    public static bool IsReady(IReadOnlyList<ExportScene> scenes) => scenes.Count > 0 && Incomplete(scenes).Count == 0;
}
