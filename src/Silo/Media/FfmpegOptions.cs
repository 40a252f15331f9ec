namespace VideoGen.Silo.Media;

/// <summary>Configuration section <c>Ffmpeg</c>: where the ffmpeg and ffprobe programs are.</summary>
public sealed class FfmpegOptions
{
    public const string Section = "Ffmpeg";

    /// <summary>The ffmpeg program: a name looked up on PATH, or an absolute path.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The ffprobe program: a name looked up on PATH, or an absolute path.</summary>
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>How long a cancelled ffmpeg gets to stop after being sent <c>q</c> before it is killed.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(2);
}
