using System.ComponentModel;
using FFMpegCore;
using FFMpegCore.Enums;
using FFMpegCore.Exceptions;
using Instances;
using Instances.Exceptions;
using Microsoft.Extensions.Options;

namespace VideoGen.Silo.Media;

/// <summary>
/// Runs ffmpeg commands built with FFMpegCore, which starts the process, reads its progress and
/// stops it on cancellation (<c>q</c>, then a kill after <see cref="FfmpegOptions.StopGracePeriod"/>).
/// This adds what the studio relies on around it: the configured program, the full command in
/// the log, progress that never goes back, and failures as <see cref="FfmpegException"/>.
/// </summary>
public sealed class FfmpegRunner(IOptions<FfmpegOptions> options, ILogger<FfmpegRunner> logger)
{
    private readonly FfmpegOptions _options = options.Value;

    /// <summary>Runs <paramref name="command"/> and returns when ffmpeg has exited successfully.</summary>
    /// <param name="command">What to do, begun with <see cref="FfmpegCommand.Start"/>.</param>
    /// <param name="duration">How long the output will last, to turn ffmpeg's position into a fraction; <c>null</c> reports only the end.</param>
    /// <param name="progress">Receives fractions 0..1 that never decrease, ending with 1 on success.</param>
    /// <param name="ct">Stops ffmpeg: <c>q</c>, then a kill after <see cref="FfmpegOptions.StopGracePeriod"/>.</param>
    /// <exception cref="FfmpegException">ffmpeg could not be started or exited with an error.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired; ffmpeg has exited.</exception>
    public async Task RunAsync(FFMpegArgumentProcessor command, TimeSpan? duration, IProgress<double>? progress, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var ffOptions = FfmpegOptions.Locate(_options.FfmpegPath);
        command.WithLogLevel(FFMpegLogLevel.Warning).CancellableThrough(ct, _options.StopGracePeriod);
        if (progress is not null && duration is { } total && total > TimeSpan.Zero)
            command.NotifyOnPercentageProgress(new MonotonicProgress(progress).Report, total);

        logger.LogDebug("Running {CommandLine}", $"{GlobalFFOptions.GetFFMpegBinaryPath(ffOptions)} {command.Arguments}");
        FFMpegResult result;
        try
        {
            result = await command.ProcessAsynchronously(throwOnError: false, ffOptions);
        }
        catch (Exception e) when (e is FFMpegException or InstanceException or Win32Exception)
        {
            throw new FfmpegException($"Could not start '{_options.FfmpegPath}': {e.Message}", null, "", e);
        }

        if (result.Cancelled || ct.IsCancellationRequested)
        {
            logger.LogInformation("Stopped ffmpeg because its work was cancelled");
            throw new OperationCanceledException("ffmpeg was stopped because its work was cancelled.", null, ct);
        }
        if (result.ExitCode != 0)
        {
            var failure = FfmpegException.Exited("ffmpeg", result.ExitCode, result.StandardError);
            logger.LogWarning("ffmpeg exited with code {ExitCode}; the end of its output:\n{StderrTail}", result.ExitCode, failure.StderrTail);
            throw failure;
        }
        progress?.Report(1);
    }

    /// <summary>The first line of <c>ffmpeg -version</c>, e.g. <c>ffmpeg version 5.1.6 …</c>.</summary>
    /// <exception cref="FfmpegException">ffmpeg could not be started or failed.</exception>
    public async Task<string> GetVersionAsync(CancellationToken ct)
    {
        var program = GlobalFFOptions.GetFFMpegBinaryPath(FfmpegOptions.Locate(_options.FfmpegPath));
        IProcessResult result;
        try
        {
            result = await Instance.FinishAsync(program, "-hide_banner -version", ct);
        }
        catch (Exception e) when (e is InstanceException or Win32Exception)
        {
            throw new FfmpegException($"Could not start '{_options.FfmpegPath}': {e.Message}", null, "", e);
        }
        ct.ThrowIfCancellationRequested();
        if (result.ExitCode != 0) throw FfmpegException.Exited("ffmpeg", result.ExitCode, result.ErrorData);
        return result.OutputData.FirstOrDefault()?.Trim() ?? "";
    }

    /// <summary>
    /// FFMpegCore's percentages as fractions that only grow and stay below 1: ffmpeg's last
    /// statistics come before it has finished the file (+faststart rewrites it), so 1 waits for a clean exit.
    /// </summary>
    private sealed class MonotonicProgress(IProgress<double> progress)
    {
        private readonly Lock _gate = new();
        private double _reported;

        public void Report(double percent)
        {
            var fraction = percent / 100;
            lock (_gate)
            {
                if (!(fraction > _reported) || fraction >= 1) return;
                _reported = fraction;
            }
            progress.Report(fraction);
        }
    }
}
