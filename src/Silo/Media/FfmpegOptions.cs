using FFMpegCore;

namespace VideoGen.Silo.Media;

/// <summary>Configuration section <c>Ffmpeg</c>: where the ffmpeg and ffprobe programs are.</summary>
public sealed class FfmpegOptions
{
    public const string Section = "Ffmpeg";

    /// <summary>The ffmpeg program: <c>ffmpeg</c>, looked up on PATH, or an absolute path to a program of that name.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The ffprobe program: <c>ffprobe</c>, looked up on PATH, or an absolute path to a program of that name.</summary>
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>How long a cancelled ffmpeg gets to stop after being sent <c>q</c> before it is killed.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// FFMpegCore's options for running <paramref name="program"/>. FFMpegCore finds a program by
    /// folder and falls back to PATH when the folder lacks it; a configured path that does not
    /// exist is reported here instead, so the wrong program never runs.
    /// </summary>
    /// <exception cref="FfmpegException">The configured program does not exist.</exception>
    internal static FFOptions Locate(string program)
    {
        var folder = Path.GetDirectoryName(program);
        if (string.IsNullOrEmpty(folder)) return new FFOptions();
        if (!File.Exists(program)) throw new FfmpegException($"Could not start '{program}': no such file.", null, "");
        return new FFOptions { BinaryFolder = folder };
    }
}
