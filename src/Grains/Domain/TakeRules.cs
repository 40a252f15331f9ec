namespace VideoGen.Grains.Domain;

/// <summary>
/// What a scene's takes mean for it: whether the active take of each kind still matches the
/// scene's current settings (an input that is not known counts as changed), which takes a bound
/// keeps, and when a request about takes is refused.
/// </summary>
public static class TakeRules
{
    /// <summary>The fewest and most images one "Variations" request asks for.</summary>
    public const int MinVariations = 2, MaxVariations = 8;

    /// <summary>How many takes of one kind a scene keeps unless configured otherwise.</summary>
    public const int DefaultKeepPerAsset = 10;

    /// <summary>Durations within a millisecond are the same narration length (ffprobe rounds).</summary>
    private const double NarrationTolerance = 0.001;

    /// <summary>An image take no longer matches the scene once the image prompt differs from the one it was made with.</summary>
    public static bool ImageStale(Take image, string imagePrompt) => image.Recipe.Prompt != imagePrompt;

    /// <summary>A narration take no longer matches the scene once the text differs from what it spoke.</summary>
    public static bool AudioStale(Take audio, string text) => audio.Recipe.Prompt != text;

    /// <summary>
    /// What changed since <paramref name="clip"/> was made, measured against the scene: another
    /// active image than the one it started from; another video prompt, camera movement or motion
    /// strength; narration of another length than the one it was timed to.
    /// </summary>
    public static ClipStaleReasons ClipStale(Take clip, Guid? activeImageTakeId, string videoPrompt, CameraMovement movement, double motionStrength,
        double? narrationSeconds)
    {
        var recipe = clip.Recipe;
        var reasons = ClipStaleReasons.None;
        if (recipe.SourceImageTakeId is null || recipe.SourceImageTakeId != activeImageTakeId) reasons |= ClipStaleReasons.Image;
        if (recipe.Prompt != videoPrompt || recipe.CameraMovement != movement || recipe.MotionStrength is not { } strength || !strength.Equals(motionStrength))
            reasons |= ClipStaleReasons.Settings;
        if (!SameNarration(recipe.NarrationSeconds, narrationSeconds)) reasons |= ClipStaleReasons.Narration;
        return reasons;
    }

    /// <summary>Two narration lengths (null: no narration) that time a clip the same.</summary>
    public static bool SameNarration(double? a, double? b) =>
        (a, b) switch
        {
            (null, null) => true,
            ({ } x, { } y) => Math.Abs(x - y) <= NarrationTolerance,
            _ => false,
        };

    /// <summary>
    /// The takes of one kind beyond the newest <paramref name="keep"/>, oldest first, to delete;
    /// the active one is never among them, however old.
    /// </summary>
    public static IReadOnlyList<Take> Pruned(IEnumerable<Take> takesOfKind, Guid? activeId, int keep)
    {
        if (keep < 1) throw new DomainException($"A scene keeps at least one take of each kind (got {keep}).");
        var newestFirst = takesOfKind.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToArray();
        var kept = newestFirst.Take(keep).Select(t => t.Id).ToHashSet();
        if (activeId is { } active && !kept.Contains(active) && newestFirst.Any(t => t.Id == active))
        {
            // The active take stays and takes the place of the oldest that would have been kept.
            kept.Remove(newestFirst.Where(t => kept.Contains(t.Id)).Last().Id);
            kept.Add(active);
        }
        return newestFirst.Where(t => !kept.Contains(t.Id)).Reverse().ToArray();
    }

    /// <summary>Why <paramref name="take"/> cannot be deleted from its scene, or null: the active take stays until another is picked.</summary>
    public static ValidationError? DeleteRefusal(Sentence sentence, Take take) =>
        sentence.ActiveTakeId(take.Kind) == take.Id
            ? new ValidationError("takeId", "This is the scene's active take: pick another one before deleting it.", ValidationErrorKind.Conflict)
            : null;

    /// <summary>Why a request for <paramref name="count"/> variations is refused, or null.</summary>
    public static ValidationError? VariationsRefusal(int count) =>
        count is < MinVariations or > MaxVariations
            ? new ValidationError("count", $"Ask for {MinVariations} to {MaxVariations} variations (got {count}).")
            : null;
}
