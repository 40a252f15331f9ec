using VideoGen.Grains.Domain;
using VideoGen.Web.Media;

namespace VideoGen.Web.Storyboard;

/// <summary>The inspector's strip of one kind of a scene's takes: newest first, the active one marked.</summary>
public sealed record TakesView(Sentence Sentence, AssetKind Kind, IReadOnlyList<Take> Takes)
{
    public Guid ProjectId => Sentence.ProjectId;

    /// <summary>The scene's takes of <paramref name="kind"/>, newest first.</summary>
    public static TakesView Of(Sentence sentence, AssetKind kind, IEnumerable<Take> takes) =>
        new(sentence, kind, takes.Where(t => t.Kind == kind).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToArray());

    public bool IsActive(Take take) => Sentence.ActiveTakeId(take.Kind) == take.Id;

    public static string Url(Take take) => MediaUrls.For(take.File)!;

    /// <summary>The kind as the page's words and test ids say it.</summary>
    public string Name => Kind == AssetKind.Video ? "clip" : Kind.ToString().ToLowerInvariant();

    /// <summary>How a take is labelled: its seed (and for a clip its camera movement), and when it was made.</summary>
    public static string Label(Take take) =>
        (take.Recipe.Seed is { } seed ? $"seed {seed}" : "seed unknown")
        + (take.Recipe.CameraMovement is { } movement ? $" · {CameraMovementNames.Words(movement)}" : "");
}
