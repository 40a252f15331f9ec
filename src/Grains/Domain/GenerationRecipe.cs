namespace VideoGen.Grains.Domain;

/// <summary>
/// What a generation was made from, as the lane sent it: the prompt and seed; for a clip its camera
/// movement, motion strength, the image take it started from and the narration length it was
/// timed to; the workflow's name and a hash of the workflow exactly as submitted. Null where it
/// does not apply (or a lane of an older version did not say).
/// </summary>
[GenerateSerializer, Alias("VideoGen.GenerationRecipe")]
public sealed record GenerationRecipe
{
    /// <summary>The image prompt of an image, the video prompt of a clip, the spoken text of narration.</summary>
    [Id(0)]
    public string? Prompt { get; init; }

    [Id(1)]
    public long? Seed { get; init; }

    [Id(2)]
    public CameraMovement? CameraMovement { get; init; }

    [Id(3)]
    public double? MotionStrength { get; init; }

    /// <summary>For a clip: the image take it started from.</summary>
    [Id(4)]
    public Guid? SourceImageTakeId { get; init; }

    /// <summary>For a clip: the narration length it was timed to; null when the scene had no narration.</summary>
    [Id(5)]
    public double? NarrationSeconds { get; init; }

    [Id(6)]
    public string? WorkflowName { get; init; }

    /// <summary>SHA-256 (hex) of the workflow as submitted to the device.</summary>
    [Id(7)]
    public string? WorkflowHash { get; init; }

    /// <summary>Nothing known about how it was made.</summary>
    public static readonly GenerationRecipe Unknown = new();
}
