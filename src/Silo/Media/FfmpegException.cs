namespace VideoGen.Silo.Media;

/// <summary>ffmpeg or ffprobe could not be started, or exited with a failure.</summary>
public sealed class FfmpegException(string message, int? exitCode, string stderrTail, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The process's exit code; <c>null</c> when it could not be started.</summary>
    public int? ExitCode { get; } = exitCode;

    /// <summary>The last lines the process wrote to stderr.</summary>
    public string StderrTail { get; } = stderrTail;
}
