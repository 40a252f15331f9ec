namespace VideoGen.Grains.Domain;

/// <summary>
/// How long a scene's clip is: as long as its narration, in the frame counts the video
/// model accepts (Wan: 4k+1 frames), capped by the longest clip a workflow may produce.
/// </summary>
public static class ClipLength
{
    /// <summary>The clip length of a scene that has no narration yet.</summary>
    public const double DefaultSeconds = 4.0;

    /// <summary>The default cap: 81 frames at 16 fps ≈ 5 s, Wan 2.2's quality sweet spot.</summary>
    public const int DefaultMaxFrames = 81;

    /// <summary>The number of frames (4k+1, at least 5) that covers <paramref name="seconds"/> at <paramref name="fps"/>, capped at <paramref name="maxFrames"/>.</summary>
    public static int Frames(double? seconds, int fps, int maxFrames = DefaultMaxFrames)
    {
        if (fps <= 0) throw new DomainException($"Frames per second must be positive (got {fps}).");
        if (maxFrames < 5) throw new DomainException($"The longest clip must be at least 5 frames (got {maxFrames}).");
        var wanted = Math.Max(seconds is > 0 and var s && double.IsFinite(s) ? s : DefaultSeconds, 0) * fps;
        var frames = 4 * (int)Math.Ceiling((wanted - 1) / 4) + 1;
        var cap = 4 * ((maxFrames - 1) / 4) + 1;
        return Math.Clamp(frames, 5, cap);
    }
}
