using VideoGen.Silo.Devices;

namespace VideoGen.Silo.Media;

/// <summary>Whether an ffmpeg failure is worth another attempt.</summary>
internal static class FfmpegFailures
{
    // Exit code 255 is ffmpeg stopped by a signal (e.g. the OOM killer); the others are resources that may come back.
    // A missing input stays missing.
    public static FailureCause CauseOf(FfmpegException e) =>
        e.InnerException is not FileNotFoundException
        && (e.ExitCode is null or 255
            || e.StderrTail.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
            || e.StderrTail.Contains("Cannot allocate memory", StringComparison.OrdinalIgnoreCase)
            || e.StderrTail.Contains("Resource temporarily unavailable", StringComparison.OrdinalIgnoreCase))
            ? FailureCause.Transient
            : FailureCause.Rejected;
}
