namespace VideoGen.Silo.Export;

/// <summary>
/// The timing of a final cut, worked out in whole frames so rounding never adds up: scene i's
/// narration starts on frame round(fps × the narrations before it), so the picture ends within
/// half a frame of the sum of the narrations whatever the number of scenes. A crossfade is
/// centred on the frame where the next narration starts; each scene's clip runs half a fade
/// longer on each side it fades, so the fades take nothing from the total length.
/// </summary>
public sealed record ExportTimeline(int FramesPerSecond, int CrossfadeFrames, IReadOnlyList<TimelineScene> Scenes)
{
    /// <summary>How many frames the cut has.</summary>
    public int TotalFrames => Scenes.Count == 0 ? 0 : Scenes[^1].EndFrame;

    /// <summary>How long the picture lasts, in seconds.</summary>
    public double VideoSeconds => (double)TotalFrames / FramesPerSecond;

    /// <summary>How long the narration lasts, in seconds (the sum of the scenes' narrations).</summary>
    public double NarrationSeconds => Scenes.Count == 0 ? 0 : Scenes[^1].End;

    /// <summary>The crossfade's length in seconds (0 for cuts).</summary>
    public double CrossfadeSeconds => (double)CrossfadeFrames / FramesPerSecond;

    /// <param name="narrations">Each scene's narration length in seconds, in order.</param>
    /// <param name="fps">Output frames per second.</param>
    /// <param name="crossfadeSeconds">The wanted crossfade length; 0 for cuts.</param>
    public static ExportTimeline Build(IReadOnlyList<double> narrations, int fps, double crossfadeSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fps, 1);
        if (narrations.Count == 0) throw new ArgumentException("A final cut needs at least one scene.", nameof(narrations));
        if (narrations.Any(d => !double.IsFinite(d) || d <= 0)) throw new ArgumentException("Every narration must last a positive time.", nameof(narrations));

        var starts = new double[narrations.Count + 1];
        var frames = new int[narrations.Count + 1];
        for (var i = 0; i < narrations.Count; i++)
        {
            starts[i + 1] = starts[i] + narrations[i];
            // At least one frame per scene, even for a narration shorter than a frame.
            frames[i + 1] = Math.Max((int)Math.Round(starts[i + 1] * fps, MidpointRounding.AwayFromZero), frames[i] + 1);
        }

        // An even number of frames, so each side of a fade gets half; no longer than the shortest scene.
        var shortest = Enumerable.Range(0, narrations.Count).Min(i => frames[i + 1] - frames[i]);
        var fade = narrations.Count < 2 ? 0 : 2 * (int)Math.Floor(Math.Min(crossfadeSeconds * fps, shortest) / 2);
        var half = fade / 2;

        var scenes = new TimelineScene[narrations.Count];
        for (var i = 0; i < narrations.Count; i++)
        {
            var own = frames[i + 1] - frames[i];
            var fades = (i > 0 ? half : 0) + (i < narrations.Count - 1 ? half : 0);
            scenes[i] = new TimelineScene(starts[i], starts[i + 1], frames[i], frames[i + 1], own + fades, (double)(frames[i] - half) / fps);
        }
        return new ExportTimeline(fps, fade, scenes);
    }
}
