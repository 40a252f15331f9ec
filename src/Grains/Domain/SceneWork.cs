namespace VideoGen.Grains.Domain;

/// <summary>
/// Which generation work a scene needs, and when a request for work must be refused. The
/// store loads the scene and the kinds of work it already has waiting or running, asks
/// these rules, and queues what they answer.
/// </summary>
public static class SceneWork
{
    /// <summary>
    /// What "generate all" queues for a scene: its narration when missing or stale (a clip
    /// lasts as long as its narration, so its clip waits for it), then its image (followed by
    /// its clip) when it has none, or else its clip when it has none. Empty for a complete scene.
    /// </summary>
    public static IReadOnlyList<JobKind> Missing(Sentence sentence)
    {
        var kinds = new List<JobKind>(2);
        if (NarrationMissing(sentence) || sentence.IsAudioDirty) kinds.Add(JobKind.Audio);
        if (sentence.ImageFile is null) kinds.Add(JobKind.Image);
        else if (sentence.VideoFile is null) kinds.Add(JobKind.Video);
        return kinds;
    }

    /// <summary>
    /// What "retry failed" queues again: the failed narration, and with it the failed image (and
    /// its clip) or else the failed clip when the scene has an image to start it from. The clip
    /// waits in the queue for the narration it lasts as long as.
    /// </summary>
    public static IReadOnlyList<JobKind> Failed(Sentence sentence)
    {
        var kinds = new List<JobKind>(2);
        if (sentence.AudioStatus == AssetStatus.Failed) kinds.Add(JobKind.Audio);
        if (sentence.ImageStatus == AssetStatus.Failed) kinds.Add(JobKind.Image);
        else if (sentence.VideoStatus == AssetStatus.Failed && sentence.ImageFile is not null) kinds.Add(JobKind.Video);
        return kinds;
    }

    /// <summary>The scene has no narration a clip can be timed to: no file, or no length measured for it.</summary>
    public static bool NarrationMissing(Sentence sentence) => sentence.AudioFile is null || sentence.AudioDuration is not > 0;

    /// <summary>
    /// The image exists and no longer matches its prompt. The dirty flag alone is also set on a
    /// scene that has no image yet: that one is missing, which "generate all" fills.
    /// </summary>
    public static bool ImageStale(Sentence sentence) => sentence.IsImageDirty && sentence.ImageFile is not null;

    /// <summary>
    /// The clip exists and no longer matches its image, settings or narration. A new image flags a
    /// scene without a clip too: that clip is missing, not stale.
    /// </summary>
    public static bool VideoStale(Sentence sentence) => sentence.IsVideoDirty && sentence.VideoFile is not null;

    /// <summary>
    /// What "regenerate dirty" queues: with <paramref name="images"/>, a stale image (its clip
    /// follows, as after a single "Regenerate Image"); with <paramref name="videos"/>, a stale
    /// clip whose image is there and current. Missing assets are "generate all"'s.
    /// </summary>
    public static IReadOnlyList<JobKind> Dirty(Sentence sentence, bool images, bool videos) =>
        images && ImageStale(sentence) ? [JobKind.Image]
        : videos && VideoStale(sentence) && sentence.ImageFile is not null && !sentence.IsImageDirty ? [JobKind.Video]
        : [];

    /// <summary>
    /// What "regenerate them first" (asked before a final cut) queues, so that the scene is neither
    /// missing, failed nor stale any more: its narration when missing, stale or failed, then its
    /// image (followed by its clip) when missing, stale or failed, or else its clip when it is.
    /// </summary>
    public static IReadOnlyList<JobKind> Unready(Sentence sentence)
    {
        var kinds = new List<JobKind>(2);
        if (NarrationMissing(sentence) || sentence.IsAudioDirty || sentence.AudioStatus == AssetStatus.Failed) kinds.Add(JobKind.Audio);
        if (sentence.ImageFile is null || ImageStale(sentence) || sentence.ImageStatus == AssetStatus.Failed) kinds.Add(JobKind.Image);
        else if (sentence.VideoFile is null || VideoStale(sentence) || sentence.VideoStatus == AssetStatus.Failed) kinds.Add(JobKind.Video);
        return kinds;
    }

    /// <summary>
    /// What a batch actually queues for a scene out of the <paramref name="picked"/> kinds:
    /// nothing while the scene has any work waiting or running (<paramref name="active"/>),
    /// and no kind whose prompt is empty.
    /// </summary>
    public static IReadOnlyList<JobKind> InBatch(Sentence sentence, IReadOnlyCollection<JobKind> active, IReadOnlyList<JobKind> picked) =>
        active.Count > 0 ? [] : picked.Where(kind => CheckPrompt(sentence, kind) is null).ToArray();

    /// <summary>
    /// Why a creator's request for one job of <paramref name="kind"/> is refused, or null: an
    /// empty prompt, a clip without an image to start from, a clip whose narration failed (it
    /// would be made at a made-up length), or the same kind of work already waiting or running
    /// (<paramref name="active"/>).
    /// </summary>
    public static ValidationError? Refusal(Sentence sentence, JobKind kind, IReadOnlyCollection<JobKind> active) =>
        CheckPrompt(sentence, kind)
        ?? (kind == JobKind.Video && sentence.ImageFile is null
            ? new ValidationError("sentenceId", "This scene has no image yet: generate the image first, the clip starts from it.", ValidationErrorKind.Conflict)
            : null)
        ?? (kind == JobKind.Video && sentence.AudioStatus == AssetStatus.Failed
            ? new ValidationError("sentenceId", "The narration of this scene failed: regenerate it first, the clip lasts as long as it.", ValidationErrorKind.Conflict)
            : null)
        ?? (active.Contains(kind)
            ? new ValidationError("sentenceId",
                $"The {kind.ToString().ToLowerInvariant()} of this scene is already being generated; cancel it first or wait for it.", ValidationErrorKind.Conflict)
            : null);

    /// <summary>Why the scene's prompt for <paramref name="kind"/> cannot be generated from, or null: a model needs a description.</summary>
    public static ValidationError? CheckPrompt(Sentence sentence, JobKind kind) => kind switch
    {
        JobKind.Image when string.IsNullOrWhiteSpace(sentence.ImagePrompt) =>
            new ValidationError("imagePrompt", "The image prompt is empty: describe the picture before generating it."),
        JobKind.Video when string.IsNullOrWhiteSpace(sentence.VideoPrompt) =>
            new ValidationError("videoPrompt", "The video prompt is empty: describe the motion before generating the clip."),
        _ => null,
    };
}
