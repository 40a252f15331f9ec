namespace VideoGen.Grains.Domain;

/// <summary>
/// A partial edit of a sentence as a creator sends it: null leaves a field alone. There is
/// deliberately no place for dirty flags: the sentence decides those.
/// </summary>
public sealed record SentenceEdit
{
    public string? Text { get; init; }
    public string? ImagePrompt { get; init; }
    public string? VideoPrompt { get; init; }
    public CameraMovement? CameraMovement { get; init; }
    public double? MotionStrength { get; init; }

    /// <summary>Set <see cref="SeedSet"/> to change the seed; a null seed then means "random".</summary>
    public long? Seed { get; init; }

    public bool SeedSet { get; init; }
}
