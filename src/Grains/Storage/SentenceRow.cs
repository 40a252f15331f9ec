using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>A row of <c>sentences</c>, column for column.</summary>
internal sealed class SentenceRow
{
    /// <summary>The columns of the first schema's table, which databases being upgraded hold.</summary>
    public const string FirstColumns =
        "id, project_id, section_id, idx, text, image_prompt, video_prompt, camera_movement, motion_strength, seed, " +
        "image_file, video_file, audio_file, audio_duration, is_image_dirty, is_video_dirty, is_audio_dirty, " +
        "image_status, video_status, audio_status, last_error, updated_at, version";

    /// <summary>The parameters of <see cref="FirstColumns"/>.</summary>
    public const string FirstValues =
        "@Id, @ProjectId, @SectionId, @Idx, @Text, @ImagePrompt, @VideoPrompt, @CameraMovement, @MotionStrength, @Seed, " +
        "@ImageFile, @VideoFile, @AudioFile, @AudioDuration, @IsImageDirty, @IsVideoDirty, @IsAudioDirty, " +
        "@ImageStatus, @VideoStatus, @AudioStatus, @LastError, @UpdatedAt, @Version";

    public const string Columns = FirstColumns + ", video_stale_reasons, image_take_id, video_take_id, audio_take_id, image_seed";

    public const string Values = FirstValues + ", @VideoStaleReasons, @ImageTakeId, @VideoTakeId, @AudioTakeId, @ImageSeed";

    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid SectionId { get; set; }
    public int Idx { get; set; }
    public string Text { get; set; } = "";
    public string ImagePrompt { get; set; } = "";
    public string VideoPrompt { get; set; } = "";
    public int CameraMovement { get; set; }
    public double MotionStrength { get; set; }
    public long? Seed { get; set; }
    public string? ImageFile { get; set; }
    public string? VideoFile { get; set; }
    public string? AudioFile { get; set; }
    public double? AudioDuration { get; set; }
    public bool IsImageDirty { get; set; }
    public bool IsVideoDirty { get; set; }
    public bool IsAudioDirty { get; set; }
    public int VideoStaleReasons { get; set; }
    public int ImageStatus { get; set; }
    public int VideoStatus { get; set; }
    public int AudioStatus { get; set; }
    public string? LastError { get; set; }
    public Guid? ImageTakeId { get; set; }
    public Guid? VideoTakeId { get; set; }
    public Guid? AudioTakeId { get; set; }
    public long? ImageSeed { get; set; }
    public long UpdatedAt { get; set; }
    public long Version { get; set; }

    public SentenceState ToState() => new()
    {
        Id = Id, ProjectId = ProjectId, SectionId = SectionId, Index = Idx, Text = Text,
        ImagePrompt = ImagePrompt, VideoPrompt = VideoPrompt,
        CameraMovement = (CameraMovement)CameraMovement, MotionStrength = MotionStrength, Seed = Seed,
        ImageFile = ImageFile, VideoFile = VideoFile, AudioFile = AudioFile, AudioDuration = AudioDuration,
        IsImageDirty = IsImageDirty, IsVideoDirty = IsVideoDirty, IsAudioDirty = IsAudioDirty,
        VideoStaleReasons = (ClipStaleReasons)VideoStaleReasons,
        ImageStatus = (AssetStatus)ImageStatus, VideoStatus = (AssetStatus)VideoStatus, AudioStatus = (AssetStatus)AudioStatus,
        ImageTakeId = ImageTakeId, VideoTakeId = VideoTakeId, AudioTakeId = AudioTakeId, ImageSeed = ImageSeed,
        LastError = LastError, UpdatedAt = UnixTime.FromMs(UpdatedAt), Version = Version,
    };

    public static SentenceRow From(SentenceState s, long version) => new()
    {
        Id = s.Id, ProjectId = s.ProjectId, SectionId = s.SectionId, Idx = s.Index, Text = s.Text,
        ImagePrompt = s.ImagePrompt, VideoPrompt = s.VideoPrompt,
        CameraMovement = (int)s.CameraMovement, MotionStrength = s.MotionStrength, Seed = s.Seed,
        ImageFile = s.ImageFile, VideoFile = s.VideoFile, AudioFile = s.AudioFile, AudioDuration = s.AudioDuration,
        IsImageDirty = s.IsImageDirty, IsVideoDirty = s.IsVideoDirty, IsAudioDirty = s.IsAudioDirty,
        VideoStaleReasons = (int)s.VideoStaleReasons,
        ImageStatus = (int)s.ImageStatus, VideoStatus = (int)s.VideoStatus, AudioStatus = (int)s.AudioStatus,
        ImageTakeId = s.ImageTakeId, VideoTakeId = s.VideoTakeId, AudioTakeId = s.AudioTakeId, ImageSeed = s.ImageSeed,
        LastError = s.LastError, UpdatedAt = UnixTime.ToMs(s.UpdatedAt), Version = version,
    };
}
