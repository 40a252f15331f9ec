using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;

namespace VideoGen.Web.Storyboard;

/// <summary>
/// Scenes of a run that failed for one reason: the reason's readable sentence once, the scenes
/// it struck, and each scene's technical detail for the "details" toggle.
/// </summary>
public sealed record FailureGroup(string Headline, IReadOnlyList<FailureGroup.Scene> Scenes)
{
    /// <summary>One failed scene: its text, the work that failed, and the failure's technical detail (null when it has none).</summary>
    public sealed record Scene(string Text, JobKind Kind, string? Detail);

    /// <summary>Whether any scene of the group has technical detail to show.</summary>
    public bool HasDetail => Scenes.Any(s => s.Detail is not null);

    /// <summary>The failures grouped by readable sentence, in the order their first scene failed; scene texts from <paramref name="texts"/>.</summary>
    public static IReadOnlyList<FailureGroup> Of(IEnumerable<FailedScene> failures, IReadOnlyDictionary<Guid, string> texts) =>
        failures
            .GroupBy(f => FailureText.Headline(f.Error))
            .Select(g => new FailureGroup(g.Key, g.Select(f => new Scene(texts.GetValueOrDefault(f.SentenceId) ?? "", f.Kind, FailureText.Detail(f.Error))).ToArray()))
            .ToArray();
}
