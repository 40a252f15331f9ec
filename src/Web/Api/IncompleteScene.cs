using VideoGen.Grains.Domain;

namespace VideoGen.Web.Api;

/// <summary>A scene an export cannot start without, in the 409 answer: which sentence, and what it lacks.</summary>
public sealed record IncompleteScene(Guid SentenceId, int Number, string Text, IReadOnlyList<string> Missing)
{
    public static IncompleteScene From(ExportScene scene) =>
        new(scene.SentenceId, scene.Number, scene.Text, scene.Missing.Select(a => a.ToString().ToLowerInvariant()).ToArray());

    /// <summary>The problem's <c>detail</c>: which scenes lack what, and what to do.</summary>
    public static string Describe(IReadOnlyList<ExportScene> scenes) => scenes.Count == 0
        ? "The project has no scenes to export."
        : $"{(scenes.Count == 1 ? "Scene" : "Scenes")} {string.Join(", ", scenes.Select(s => s.Number))} " +
          $"{(scenes.Count == 1 ? "lacks" : "lack")} {Either(scenes.SelectMany(s => s.Missing).Distinct().Order().Select(Noun).ToArray())}: " +
          "generate what is missing, then export again.";

    private static string Either(IReadOnlyList<string> things) =>
        things.Count == 1 ? things[0] : $"{string.Join(", ", things.Take(things.Count - 1))} or {things[^1]}";

    private static string Noun(AssetKind asset) => asset switch
    {
        AssetKind.Image => "an image",
        AssetKind.Video => "a clip",
        _ => "narration",
    };
}
