namespace VideoGen.Grains.Domain;

/// <summary>
/// The stored form of a <see cref="Sentence"/>. Only the store creates one from a row;
/// everything else changes a sentence through its methods.
/// </summary>
public sealed record SentenceState
{
    public required Guid Id { get; init; }
    public required Guid ProjectId { get; init; }
    public required Guid SectionId { get; init; }
    public required int Index { get; init; }
    public required string Text { get; init; }
    public required string ImagePrompt { get; init; }
    public required string VideoPrompt { get; init; }
    public CameraMovement CameraMovement { get; init; }
    public double MotionStrength { get; init; }
    public long? Seed { get; init; }
    public string? ImageFile { get; init; }
    public string? VideoFile { get; init; }
    public string? AudioFile { get; init; }
    public double? AudioDuration { get; init; }
    public bool IsImageDirty { get; init; }
    public bool IsVideoDirty { get; init; }
    public ClipStaleReasons VideoStaleReasons { get; init; }
    public bool IsAudioDirty { get; init; }
    public AssetStatus ImageStatus { get; init; }
    public AssetStatus VideoStatus { get; init; }
    public AssetStatus AudioStatus { get; init; }
    public string? LastError { get; init; }
    public Guid? ImageTakeId { get; init; }
    public Guid? VideoTakeId { get; init; }
    public Guid? AudioTakeId { get; init; }
    public long? ImageSeed { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}
