namespace VideoGen.Silo.Media;

/// <summary>One block of ffmpeg's <c>-progress</c> output.</summary>
/// <param name="Frame">Frames written so far.</param>
/// <param name="OutTime">How much of the output is written, in media time; <c>null</c> while ffmpeg does not know yet.</param>
/// <param name="Speed">Media seconds per wall-clock second.</param>
/// <param name="IsEnd">Whether this is the last block (<c>progress=end</c>).</param>
public sealed record FfmpegProgress(long? Frame, TimeSpan? OutTime, double? Speed, bool IsEnd)
{
    /// <summary>How much of an output lasting <paramref name="total"/> is written (0..1), or <c>null</c> when unknown.</summary>
    public double? FractionOf(TimeSpan total)
    {
        if (IsEnd) return 1;
        if (OutTime is not { } written || total <= TimeSpan.Zero) return null;
        return Math.Clamp(written / total, 0, 1);
    }
}
