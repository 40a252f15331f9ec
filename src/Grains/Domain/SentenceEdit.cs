namespace VideoGen.Grains.Domain;

/// <summary>
/// A partial edit of a sentence as a creator sends it: null leaves a field alone. There is
/// deliberately no place for dirty flags: the sentence decides those.
/// </summary>
[GenerateSerializer, Alias("VideoGen.SentenceEdit")]
public sealed record SentenceEdit
{
    [Id(0)]
    public string? Text { get; init; }
    [Id(1)]
    public string? ImagePrompt { get; init; }
    [Id(2)]
    public string? VideoPrompt { get; init; }
    [Id(3)]
    public CameraMovement? CameraMovement { get; init; }
    [Id(4)]
    public double? MotionStrength { get; init; }

    /// <summary>Set <see cref="SeedSet"/> to change the seed; a null seed then means "random".</summary>
    [Id(5)]
    public long? Seed { get; init; }

    [Id(6)]
    public bool SeedSet { get; init; }
}
