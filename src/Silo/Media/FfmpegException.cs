namespace VideoGen.Silo.Media;

/// <summary>ffmpeg or ffprobe could not be started, or exited with a failure.</summary>
public sealed class FfmpegException(string message, int? exitCode, string stderrTail, Exception? inner = null) : Exception(message, inner)
{
    private const int TailLines = 40;
    private const int MaxLineLength = 1000;

    /// <summary>The process's exit code; <c>null</c> when it could not be started.</summary>
    public int? ExitCode { get; } = exitCode;

    /// <summary>The last lines the process wrote to stderr, or why it did not run.</summary>
    public string StderrTail { get; } = stderrTail;

    /// <summary>
    /// The failure of a program that exited with <paramref name="exitCode"/>: its last words on
    /// stderr as the reason, and a bounded tail of them. Statistics lines are left out: they say
    /// how far it got, not why it stopped.
    /// </summary>
    public static FfmpegException Exited(string program, int exitCode, IEnumerable<string> stderr)
    {
        var lines = stderr.Where(l => !IsStatistics(l)).TakeLast(TailLines)
            .Select(l => l.Length > MaxLineLength ? l[..MaxLineLength] + "…" : l)
            .ToArray();
        var reason = lines.LastOrDefault(l => l.Trim().Length > 0) ?? "";
        return new FfmpegException($"{program} exited with code {exitCode}{(reason.Length > 0 ? ": " + reason : ".")}", exitCode, string.Join('\n', lines));
    }

    private static bool IsStatistics(string line) =>
        (line.StartsWith("frame=", StringComparison.Ordinal) || line.StartsWith("size=", StringComparison.Ordinal))
        && line.Contains("time=", StringComparison.Ordinal);
}
