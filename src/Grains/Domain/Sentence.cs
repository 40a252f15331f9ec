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
    private Sentence(SentenceState state) => _state = state;

    /// <summary>Everything the sentence is; each change replaces it with a changed copy.</summary>
    private SentenceState _state;

    public Guid Id => _state.Id;
    public Guid ProjectId => _state.ProjectId;
    public Guid SectionId => _state.SectionId;
    public int Index => _state.Index;
    public string Text => _state.Text;
    public string ImagePrompt => _state.ImagePrompt;
    public string VideoPrompt => _state.VideoPrompt;
    public CameraMovement CameraMovement => _state.CameraMovement;
    public double MotionStrength => _state.MotionStrength;
    public long? Seed => _state.Seed;
    public string? ImageFile => _state.ImageFile;
    public string? VideoFile => _state.VideoFile;
    public string? AudioFile => _state.AudioFile;
    public double? AudioDuration => _state.AudioDuration;
    public bool IsImageDirty => _state.IsImageDirty;
    public bool IsVideoDirty => _state.IsVideoDirty;
    /// <summary>What changed since the clip was made; <see cref="ClipStaleReasons.None"/> while it is current.</summary>
    public ClipStaleReasons VideoStaleReasons => _state.VideoStaleReasons;
    public bool IsAudioDirty => _state.IsAudioDirty;
    public AssetStatus ImageStatus => _state.ImageStatus;
    public AssetStatus VideoStatus => _state.VideoStatus;
    public AssetStatus AudioStatus => _state.AudioStatus;
    public string? LastError => _state.LastError;

    /// <summary>The active take of each kind: the one whose file the scene shows; null for none, or a file made before takes were kept.</summary>
    public Guid? ImageTakeId => _state.ImageTakeId;
    public Guid? VideoTakeId => _state.VideoTakeId;
    public Guid? AudioTakeId => _state.AudioTakeId;

    /// <summary>The seed the active image take was made with.</summary>
    public long? ImageSeed => _state.ImageSeed;
    public DateTimeOffset UpdatedAt => _state.UpdatedAt;

    /// <summary>The stored version this entity was loaded at; the store uses it to detect concurrent writers.</summary>
    public long Version => _state.Version;

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
    public SentenceState ToState() => _state;

    public bool EditText(string text, DateTimeOffset now)
    {
        Require(SentenceRules.CheckText(text));
        if (text == Text) return false;
        _state = _state with { Text = text, IsAudioDirty = true };
        return Changed(now, "text");
    }

    public bool EditImagePrompt(string prompt, DateTimeOffset now)
    {
        Require(SentenceRules.CheckPrompt(prompt));
        if (prompt == ImagePrompt) return false;
        _state = _state with { ImagePrompt = prompt, IsImageDirty = true, IsVideoDirty = true, VideoStaleReasons = VideoStaleReasons | ClipStaleReasons.Image };
        return Changed(now, "imagePrompt");
    }

    public bool EditVideoPrompt(string prompt, DateTimeOffset now)
    {
        Require(SentenceRules.CheckPrompt(prompt));
        if (prompt == VideoPrompt) return false;
        _state = _state with { VideoPrompt = prompt, IsVideoDirty = true, VideoStaleReasons = VideoStaleReasons | ClipStaleReasons.Settings };
        return Changed(now, "videoPrompt");
    }

    public bool ChangeCameraMovement(CameraMovement movement, DateTimeOffset now)
    {
        if (!Enum.IsDefined(movement)) throw new DomainException($"Unknown camera movement {(int)movement}.");
        if (movement == CameraMovement) return false;
        _state = _state with { CameraMovement = movement, IsVideoDirty = true, VideoStaleReasons = VideoStaleReasons | ClipStaleReasons.Settings };
        return Changed(now, "cameraMovement");
    }

    public bool ChangeMotionStrength(double strength, DateTimeOffset now)
    {
        Require(SentenceRules.CheckMotionStrength(strength));
        if (strength.Equals(MotionStrength)) return false;
        _state = _state with { MotionStrength = strength, IsVideoDirty = true, VideoStaleReasons = VideoStaleReasons | ClipStaleReasons.Settings };
        return Changed(now, "motionStrength");
    }

    /// <summary>The seed is an input of the next generation; changing it leaves the current assets as they are.</summary>
    public bool ChangeSeed(long? seed, DateTimeOffset now)
    {
        if (seed == Seed) return false;
        _state = _state with { Seed = seed };
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
        _state = _state with { ImageFile = file, ImageTakeId = null, ImageSeed = null, IsImageDirty = false, IsVideoDirty = true, VideoStaleReasons = VideoStaleReasons | ClipStaleReasons.Image };
        SetStatus(AssetKind.Image, AssetStatus.Idle, error: null);
        Changed(now, "image");
        return replaced;
    }

    /// <summary>A new clip is stored: the video is clean. Returns the replaced file.</summary>
    public string? VideoStored(string file, DateTimeOffset now)
    {
        var replaced = ReplaceFile(VideoFile, file);
        _state = _state with { VideoFile = file, VideoTakeId = null, IsVideoDirty = false, VideoStaleReasons = ClipStaleReasons.None };
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
        var lengthChanged = !TakeRules.SameNarration(AudioDuration, durationSeconds);
        _state = _state with
        {
            AudioFile = file,
            AudioTakeId = null,
            AudioDuration = durationSeconds,
            IsAudioDirty = false,
            IsVideoDirty = IsVideoDirty || lengthChanged,
            VideoStaleReasons = lengthChanged ? VideoStaleReasons | ClipStaleReasons.Narration : VideoStaleReasons,
        };
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
        _state = _state with { IsAudioDirty = true };
        return Changed(now, "narration");
    }

    /// <summary>The active take of <paramref name="kind"/>.</summary>
    public Guid? ActiveTakeId(AssetKind kind) => kind switch
    {
        AssetKind.Image => ImageTakeId,
        AssetKind.Video => VideoTakeId,
        AssetKind.Audio => AudioTakeId,
        _ => throw new DomainException($"Unknown asset {(int)kind}."),
    };

    /// <summary>
    /// A finished job's take is stored. Made <paramref name="active"/>, it is stored as any new
    /// asset is (the same dirty rules) and becomes the active take; else (a variation beside an
    /// image the scene has) only the asset's status settles. Returns a replaced file that no take
    /// keeps (one made before takes were kept), which may be deleted now.
    /// </summary>
    public string? TakeStored(Take take, bool active, DateTimeOffset now)
    {
        RequireOwn(take);
        if (!active)
        {
            SetStatus(take.Kind, AssetStatus.Idle, error: null);
            Changed(now, "takes");
            return null;
        }
        var kept = ActiveTakeId(take.Kind) is not null;
        var replaced = take.Kind switch
        {
            AssetKind.Image => ImageStored(take.File, now),
            AssetKind.Video => VideoStored(take.File, now),
            _ => AudioStored(take.File, take.DurationSeconds ?? 0, now),
        };
        _state = WithActive(take);
        StaleOnArrival(take);
        return kept ? null : replaced;
    }

    /// <summary>
    /// What a take that has just become active is stale against: the scene may have been edited
    /// while it rendered (or another image picked), and an edit back to what it was made from
    /// leaves it clean. A take whose lane did not say what it sent counts as made from the scene
    /// as it is; an image without a take (from before takes) says nothing against a clip.
    /// </summary>
    private void StaleOnArrival(Take take)
    {
        if (take.Recipe.Prompt is null) return;
        switch (take.Kind)
        {
            case AssetKind.Image:
                _state = _state with { IsImageDirty = TakeRules.ImageStale(take, ImagePrompt) };
                break;
            case AssetKind.Audio:
                _state = _state with { IsAudioDirty = TakeRules.AudioStale(take, Text) };
                break;
            default:
                var reasons = TakeRules.ClipStale(take, ImageTakeId, VideoPrompt, CameraMovement, MotionStrength, AudioDuration);
                if (take.Recipe.SourceImageTakeId is null || ImageTakeId is null) reasons &= ~ClipStaleReasons.Image;
                // A stale image is made again, and its clip after it: as when its prompt is edited.
                if (IsImageDirty) reasons |= ClipStaleReasons.Image;
                _state = _state with { IsVideoDirty = reasons != ClipStaleReasons.None, VideoStaleReasons = reasons };
                break;
        }
    }

    /// <summary>
    /// Makes <paramref name="take"/> the active one of its kind, without generating anything; what
    /// is stale then follows from what the active takes were made from (see <see cref="TakeRules"/>),
    /// given the scene's other active takes <paramref name="activeImage"/> and <paramref name="activeClip"/>.
    /// False when it is active already.
    /// </summary>
    public bool ActivateTake(Take take, Take? activeImage, Take? activeClip, DateTimeOffset now)
    {
        RequireOwn(take);
        if (ActiveTakeId(take.Kind) == take.Id) return false;
        var lengthChanged = take.Kind == AssetKind.Audio && !TakeRules.SameNarration(AudioDuration, take.DurationSeconds);
        _state = WithActive(take);
        switch (take.Kind)
        {
            case AssetKind.Image:
                Rederive(take, activeClip, ClipStaleReasons.Image);
                break;
            case AssetKind.Video:
                Rederive(activeImage, take, ClipStaleReasons.None);
                break;
            default:
                _state = _state with { IsAudioDirty = TakeRules.AudioStale(take, Text) };
                Rederive(activeImage, activeClip, lengthChanged ? ClipStaleReasons.Narration : ClipStaleReasons.None);
                break;
        }
        return Changed(now, $"{take.Kind.ToString().ToLowerInvariant()}Take");
    }

    /// <summary>
    /// "Use this seed": the take's seed and prompt become the scene's settings for its next
    /// generation; what is stale follows from the active takes, as after an activation.
    /// </summary>
    public bool ReuseTake(Take take, Take? activeImage, Take? activeClip, DateTimeOffset now)
    {
        RequireOwn(take);
        var edit = new SentenceEdit
        {
            ImagePrompt = take.Kind == AssetKind.Image ? take.Recipe.Prompt : null,
            VideoPrompt = take.Kind == AssetKind.Video ? take.Recipe.Prompt : null,
            Seed = take.Recipe.Seed,
            SeedSet = take.Kind != AssetKind.Audio && take.Recipe.Seed is not null,
        };
        if (!Apply(edit, now)) return false;
        Rederive(activeImage, activeClip, ClipStaleReasons.None);
        return true;
    }

    /// <summary>A take that is not active was deleted; the scene's takes changed.</summary>
    public void TakeDeleted(Take take, DateTimeOffset now)
    {
        RequireOwn(take);
        if (TakeRules.DeleteRefusal(this, take) is { } refusal) throw new DomainException(refusal.Message);
        Changed(now, "takes");
    }

    private SentenceState WithActive(Take take) => take.Kind switch
    {
        AssetKind.Image => _state with { ImageFile = take.File, ImageTakeId = take.Id, ImageSeed = take.Recipe.Seed },
        AssetKind.Video => _state with { VideoFile = take.File, VideoTakeId = take.Id },
        _ => _state with { AudioFile = take.File, AudioTakeId = take.Id, AudioDuration = take.DurationSeconds },
    };

    /// <summary>
    /// The image and clip flags as the active takes say: the image is stale when its prompt changed;
    /// the clip is stale for what changed since it was made, and whenever the image is stale. Without a take to compare, the flags
    /// stay and <paramref name="withoutTake"/> is what changed for the clip.
    /// </summary>
    private void Rederive(Take? image, Take? clip, ClipStaleReasons withoutTake)
    {
        var imageDirty = image is null ? IsImageDirty : TakeRules.ImageStale(image, ImagePrompt);
        var reasons = clip is null
            ? VideoStaleReasons | withoutTake
            : TakeRules.ClipStale(clip, ImageTakeId, VideoPrompt, CameraMovement, MotionStrength, AudioDuration)
              // A stale image is made again, and its clip after it: as when its prompt is edited.
              | (imageDirty ? ClipStaleReasons.Image : ClipStaleReasons.None);
        var videoDirty = clip is null ? IsVideoDirty || withoutTake != ClipStaleReasons.None : reasons != ClipStaleReasons.None;
        _state = _state with { IsImageDirty = imageDirty, IsVideoDirty = videoDirty, VideoStaleReasons = reasons };
    }

    private void RequireOwn(Take take)
    {
        if (take.SentenceId != Id) throw new DomainException($"Take {take.Id} is not one of sentence {Id}'s.");
    }

    public bool MarkQueued(AssetKind asset, DateTimeOffset now) => MoveStatus(asset, AssetStatus.Queued, null, now);

    public bool MarkRunning(AssetKind asset, DateTimeOffset now) => MoveStatus(asset, AssetStatus.Running, null, now);

    public bool MarkFailed(AssetKind asset, string error, DateTimeOffset now) => MoveStatus(asset, AssetStatus.Failed, error, now);

    /// <summary>The asset's work ended without a new file (cancelled): back to idle, flags unchanged.</summary>
    public bool MarkIdle(AssetKind asset, DateTimeOffset now) => MoveStatus(asset, AssetStatus.Idle, null, now);

    /// <summary>
    /// Shows the state of <paramref name="job"/>, one of this sentence's jobs, on the asset it
    /// generates (see <see cref="JobReflection"/>); false when that changes nothing.
    /// </summary>
    public bool ReflectJob(GenerationJob job, DateTimeOffset now)
    {
        if (job.SentenceId != Id) throw new DomainException($"Job {job.Id} does not belong to sentence {Id}.");
        if (JobReflection.AssetOf(job.Kind) is not { } asset || JobReflection.AssetStatusOf(job.Status) is not { } status) return false;
        return MoveStatus(asset, status, status == AssetStatus.Failed ? job.Error ?? "Generation failed." : null, now);
    }

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
        var next = asset switch
        {
            AssetKind.Image => _state with { ImageStatus = status },
            AssetKind.Video => _state with { VideoStatus = status },
            AssetKind.Audio => _state with { AudioStatus = status },
            _ => throw new DomainException($"Unknown asset {(int)asset}."),
        };
        var anyFailed = next.ImageStatus == AssetStatus.Failed || next.VideoStatus == AssetStatus.Failed || next.AudioStatus == AssetStatus.Failed;
        _state = next with { LastError = status == AssetStatus.Failed ? error : anyFailed ? next.LastError : null };
    }

    private static string? ReplaceFile(string? current, string next)
    {
        if (string.IsNullOrWhiteSpace(next)) throw new DomainException("A stored asset needs a file.");
        return current is not null && current != next ? current : null;
    }

    private bool Changed(DateTimeOffset now, string change)
    {
        _state = _state with { UpdatedAt = now };
        if (_batch is not null) _batch.Add(change);
        else Raise(new SentenceChanged(ProjectId, Id, [change]));
        return true;
    }

    private static void Require(string? problem)
    {
        if (problem is not null) throw new DomainException(problem);
    }
}
