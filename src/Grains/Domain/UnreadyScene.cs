namespace VideoGen.Grains.Domain;

/// <summary>A scene that is not ready for a final cut, and why.</summary>
/// <param name="SentenceId">The sentence of the scene.</param>
/// <param name="Number">The scene's place in the narration, from 1.</param>
/// <param name="Text">The narration text.</param>
/// <param name="Problem">The worst of what is wrong with it.</param>
public sealed record UnreadyScene(Guid SentenceId, int Number, string Text, SceneProblem Problem);
