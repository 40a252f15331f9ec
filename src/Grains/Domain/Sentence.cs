namespace VideoGen.Grains.Domain;

/// <summary>
/// One scene: a sentence of narration with its image, clip and audio. The only code that
/// changes a sentence; every edit applies the dirty rules:
/// image prompt → image and video dirty; video prompt, camera movement, motion strength →
/// video dirty; text → audio dirty; an unchanged value changes nothing; a new image makes
/// the video dirty (its start frame changed); new audio of another length makes the video
/// dirty (the clip length follows the narration).
/// </summary>
public sealed class Sentence : Entity
{
    private Sentence(SentenceState state)
    {
        Id = state.Id;
        ProjectId = state.ProjectId;
        SectionId = state.SectionId;
        Index = state.Index;
        Text = state.Text;
        ImagePrompt = state.ImagePrompt;
        VideoPrompt = state.VideoPrompt;
        CameraMovement = state.CameraMovement;
        MotionStrength = state.MotionStrength;
        Seed = state.Seed;
        ImageFile = state.ImageFile;
        VideoFile = state.VideoFile;
        AudioFile = state.AudioFile;
        AudioDuration = state.AudioDuration;
        IsImageDirty = state.IsImageDirty;
        IsVideoDirty = state.IsVideoDirty;
        IsAudioDirty = state.IsAudioDirty;
        ImageStatus = state.ImageStatus;
        VideoStatus = state.VideoStatus;
        AudioStatus = state.AudioStatus;
        LastError = state.LastError;
        UpdatedAt = state.UpdatedAt;
        Version = state.Version;
    }

    public Guid Id { get; }
    public Guid ProjectId { get; }
    public Guid SectionId { get; }
    public int Index { get; }
    public string Text { get; private set; }
    public string ImagePrompt { get; private set; }
    public string VideoPrompt { get; private set; }
    public CameraMovement CameraMovement { get; private set; }
    public double MotionStrength { get; private set; }
    public long? Seed { get; private set; }
    public string? ImageFile { get; private set; }
    public string? VideoFile { get; private set; }
    public string? AudioFile { get; private set; }
    public double? AudioDuration { get; private set; }
    public bool IsImageDirty { get; private set; }
    public bool IsVideoDirty { get; private set; }
    public bool IsAudioDirty { get; private set; }
    public AssetStatus ImageStatus { get; private set; }
    public AssetStatus VideoStatus { get; private set; }
    public AssetStatus AudioStatus { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The stored version this entity was loaded at; the store uses it to detect concurrent writers.</summary>
    public long Version { get; }

    /// <summary>A new sentence of an imported script: nothing generated yet, nothing stale.</summary>
    public static Sentence Create(Guid projectId, Guid sectionId, int index, string text, string imagePrompt, string videoPrompt, DateTimeOffset now)
    {
        Require(SentenceRules.CheckText(text));
        Require(SentenceRules.CheckPrompt(imagePrompt));
        Require(SentenceRules.CheckPrompt(videoPrompt));
        return new Sentence(new SentenceState
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = projectId,
            SectionId = sectionId,
            Index = index,
            Text = text,
            ImagePrompt = imagePrompt,
            VideoPrompt = videoPrompt,
            CameraMovement = CameraMovement.Static,
            MotionStrength = SentenceRules.DefaultMotionStrength,
            UpdatedAt = now,
        });
    }

    /// <summary>Rebuilds a sentence from its stored form.</summary>
    public static Sentence FromState(SentenceState state) => new(state);

    /// <summary>The stored form of this sentence.</summary>
    public SentenceState ToState() => new()
    {
        Id = Id,
        ProjectId = ProjectId,
        SectionId = SectionId,
        Index = Index,
        Text = Text,
        ImagePrompt = ImagePrompt,
        VideoPrompt = VideoPrompt,
        CameraMovement = CameraMovement,
        MotionStrength = MotionStrength,
        Seed = Seed,
        ImageFile = ImageFile,
        VideoFile = VideoFile,
        AudioFile = AudioFile,
        AudioDuration = AudioDuration,
        IsImageDirty = IsImageDirty,
        IsVideoDirty = IsVideoDirty,
        IsAudioDirty = IsAudioDirty,
        ImageStatus = ImageStatus,
        VideoStatus = VideoStatus,
        AudioStatus = AudioStatus,
        LastError = LastError,
        UpdatedAt = UpdatedAt,
        Version = Version,
    };

    public bool EditText(string text, DateTimeOffset now)
    {
        Require(SentenceRules.CheckText(text));
        if (text == Text) return false;
        Text = text;
        IsAudioDirty = true;
        return Changed(now, "text");
    }

    public bool EditImagePrompt(string prompt, DateTimeOffset now)
    {
        Require(SentenceRules.CheckPrompt(prompt));
        if (prompt == ImagePrompt) return false;
        ImagePrompt = prompt;
        IsImageDirty = true;
        IsVideoDirty = true;
        return Changed(now, "imagePrompt");
    }

    public bool EditVideoPrompt(string prompt, DateTimeOffset now)
    {
        Require(SentenceRules.CheckPrompt(prompt));
        if (prompt == VideoPrompt) return false;
        VideoPrompt = prompt;
        IsVideoDirty = true;
        return Changed(now, "videoPrompt");
    }

    public bool ChangeCameraMovement(CameraMovement movement, DateTimeOffset now)
    {
        if (!Enum.IsDefined(movement)) throw new DomainException($"Unknown camera movement {(int)movement}.");
        if (movement == CameraMovement) return false;
        CameraMovement = movement;
        IsVideoDirty = true;
        return Changed(now, "cameraMovement");
    }

    public bool ChangeMotionStrength(double strength, DateTimeOffset now)
    {
        Require(SentenceRules.CheckMotionStrength(strength));
        if (strength.Equals(MotionStrength)) return false;
        MotionStrength = strength;
        IsVideoDirty = true;
        return Changed(now, "motionStrength");
    }

    /// <summary>The seed is an input of the next generation; changing it leaves the current assets as they are.</summary>
    public bool ChangeSeed(long? seed, DateTimeOffset now)
    {
        if (seed == Seed) return false;
        Seed = seed;
        return Changed(now, "seed");
    }

    /// <summary>Applies every field the edit carries; one event names all that changed.</summary>
    public bool Apply(SentenceEdit edit, DateTimeOffset now)
    {
        // Check every field before changing any, so a bad field leaves the sentence untouched.
        if (edit.Text is not null) Require(SentenceRules.CheckText(edit.Text));
        if (edit.ImagePrompt is not null) Require(SentenceRules.CheckPrompt(edit.ImagePrompt));
        if (edit.VideoPrompt is not null) Require(SentenceRules.CheckPrompt(edit.VideoPrompt));
        if (edit.MotionStrength is { } checkedStrength) Require(SentenceRules.CheckMotionStrength(checkedStrength));
        if (edit.CameraMovement is { } checkedMovement && !Enum.IsDefined(checkedMovement))
            throw new DomainException($"Unknown camera movement {(int)checkedMovement}.");

        _batch = [];
        try
        {
            if (edit.Text is not null) EditText(edit.Text, now);
            if (edit.ImagePrompt is not null) EditImagePrompt(edit.ImagePrompt, now);
            if (edit.VideoPrompt is not null) EditVideoPrompt(edit.VideoPrompt, now);
            if (edit.CameraMovement is { } movement) ChangeCameraMovement(movement, now);
            if (edit.MotionStrength is { } strength) ChangeMotionStrength(strength, now);
            if (edit.SeedSet) ChangeSeed(edit.Seed, now);
            if (_batch.Count == 0) return false;
            Raise(new SentenceChanged(ProjectId, Id, _batch));
            return true;
        }
        finally
        {
            _batch = null;
        }
    }

    /// <summary>While <see cref="Apply"/> runs, changes are gathered here and raised as one event.</summary>
    private List<string>? _batch;

    /// <summary>
    /// A new image is stored: the image is clean and the video is stale, since its start
    /// frame changed. Returns the replaced file, which may be deleted now that nothing points at it.
    /// </summary>
    public string? ImageStored(string file, DateTimeOffset now)
    {
        var replaced = ReplaceFile(ImageFile, file);
        ImageFile = file;
        IsImageDirty = false;
        IsVideoDirty = true;
        SetStatus(AssetKind.Image, AssetStatus.Idle, error: null);
        Changed(now, "image");
        return replaced;
    }

    /// <summary>A new clip is stored: the video is clean. Returns the replaced file.</summary>
    public string? VideoStored(string file, DateTimeOffset now)
    {
        var replaced = ReplaceFile(VideoFile, file);
        VideoFile = file;
        IsVideoDirty = false;
        SetStatus(AssetKind.Video, AssetStatus.Idle, error: null);
        Changed(now, "video");
        return replaced;
    }

    /// <summary>
    /// New narration is stored: the audio is clean, and when its length differs from the
    /// last narration the clip no longer fits it, so the video is stale. Returns the replaced file.
    /// </summary>
    public string? AudioStored(string file, double durationSeconds, DateTimeOffset now)
    {
        if (!double.IsFinite(durationSeconds) || durationSeconds <= 0)
            throw new DomainException($"Audio duration must be a positive number of seconds (got {durationSeconds}).");
        var replaced = ReplaceFile(AudioFile, file);
        if (AudioDuration is not { } previous || Math.Abs(previous - durationSeconds) > AudioDurationTolerance)
            IsVideoDirty = true;
        AudioFile = file;
        AudioDuration = durationSeconds;
        IsAudioDirty = false;
        SetStatus(AssetKind.Audio, AssetStatus.Idle, error: null);
        Changed(now, "audio");
        return replaced;
    }

    /// <summary>
    /// The project's narration voice or speed changed: narration already spoken no longer sounds
    /// like the rest, so it is stale. Nothing changes for a sentence without narration.
    /// </summary>
    public bool NarrationRestyled(DateTimeOffset now)
    {
        if (AudioFile is null || IsAudioDirty) return false;
        IsAudioDirty = true;
        return Changed(now, "narration");
    }

    /// <summary>Durations within a millisecond are the same narration length (ffprobe rounds).</summary>
    private const double AudioDurationTolerance = 0.001;

    public bool MarkQueued(AssetKind asset, DateTimeOffset now) => MoveStatus(asset, AssetStatus.Queued, null, now);

    public bool MarkRunning(AssetKind asset, DateTimeOffset now) => MoveStatus(asset, AssetStatus.Running, null, now);

    public bool MarkFailed(AssetKind asset, string error, DateTimeOffset now) => MoveStatus(asset, AssetStatus.Failed, error, now);

    /// <summary>The asset's work ended without a new file (cancelled): back to idle, flags unchanged.</summary>
    public bool MarkIdle(AssetKind asset, DateTimeOffset now) => MoveStatus(asset, AssetStatus.Idle, null, now);

    public AssetStatus StatusOf(AssetKind asset) => asset switch
    {
        AssetKind.Image => ImageStatus,
        AssetKind.Video => VideoStatus,
        AssetKind.Audio => AudioStatus,
        _ => throw new DomainException($"Unknown asset {(int)asset}."),
    };

    private bool MoveStatus(AssetKind asset, AssetStatus status, string? error, DateTimeOffset now)
    {
        if (StatusOf(asset) == status && (status != AssetStatus.Failed || error == LastError)) return false;
        SetStatus(asset, status, error);
        return Changed(now, $"{asset.ToString().ToLowerInvariant()}Status");
    }

    /// <summary>Sets an asset's status; the last error stays while any asset is still failed.</summary>
    private void SetStatus(AssetKind asset, AssetStatus status, string? error)
    {
        switch (asset)
        {
            case AssetKind.Image: ImageStatus = status; break;
            case AssetKind.Video: VideoStatus = status; break;
            case AssetKind.Audio: AudioStatus = status; break;
            default: throw new DomainException($"Unknown asset {(int)asset}.");
        }
        if (status == AssetStatus.Failed) LastError = error;
        else if (ImageStatus != AssetStatus.Failed && VideoStatus != AssetStatus.Failed && AudioStatus != AssetStatus.Failed) LastError = null;
    }

    private static string? ReplaceFile(string? current, string next)
    {
        if (string.IsNullOrWhiteSpace(next)) throw new DomainException("A stored asset needs a file.");
        return current is not null && current != next ? current : null;
    }

    private bool Changed(DateTimeOffset now, string change)
    {
        UpdatedAt = now;
        if (_batch is not null) _batch.Add(change);
        else Raise(new SentenceChanged(ProjectId, Id, [change]));
        return true;
    }

    private static void Require(string? problem)
    {
        if (problem is not null) throw new DomainException(problem);
    }
}
