namespace VideoGen.Silo.Export;

/// <summary>Where one scene sits in a final cut.</summary>
/// <param name="Start">When its narration starts, in seconds (exact: the sum of the narrations before it).</param>
/// <param name="End">When its narration ends, in seconds.</param>
/// <param name="FirstFrame">The output frame its narration starts on (its start rounded to a frame).</param>
/// <param name="EndFrame">The output frame the next narration starts on.</param>
/// <param name="SegmentFrames">How many frames of its clip the cut uses: its narration's frames, plus the halves of the crossfades it takes part in.</param>
/// <param name="FadeInOffset">For a crossfade into this scene, when it starts in the output, in seconds.</param>
public sealed record TimelineScene(double Start, double End, int FirstFrame, int EndFrame, int SegmentFrames, double FadeInOffset);
