using Microsoft.Extensions.Options;

namespace VideoGen.Silo.Media;

/// <summary>
/// Runs ffmpeg: reports progress from <c>-progress pipe:1</c>, drains stderr, logs the full
/// command, stops gracefully with <c>q</c> on cancellation (killing the process tree if it does
/// not stop in time) and turns a failure into an <see cref="FfmpegException"/>.
/// </summary>
public sealed class FfmpegRunner(IOptions<FfmpegOptions> options, ILogger<FfmpegRunner> logger)
{
    private readonly FfmpegOptions _options = options.Value;

    /// <summary>
    /// Runs ffmpeg with <paramref name="arguments"/> and returns when it has exited successfully.
    /// </summary>
    /// <param name="arguments">What to do; the runner adds the progress and logging options.</param>
    /// <param name="duration">How long the output will last, to turn ffmpeg's position into a fraction; <c>null</c> reports only the end.</param>
    /// <param name="progress">Receives fractions 0..1 that never decrease, ending with 1 on success.</param>
    /// <param name="ct">Stops ffmpeg: <c>q</c>, then a kill after <see cref="FfmpegOptions.StopGracePeriod"/>.</param>
    /// <exception cref="FfmpegException">ffmpeg could not be started or exited with an error.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired; ffmpeg has exited.</exception>
    public async Task RunAsync(FfmpegArguments arguments, TimeSpan? duration, IProgress<double>? progress, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        IReadOnlyList<string> commandLine =
        [
            "-hide_banner", "-nostats", "-loglevel", "warning",
            "-progress", "pipe:1", "-stats_period", "0.25",
            .. arguments.Build(),
        ];
        using var process = ToolProcess.Start(_options.FfmpegPath, commandLine, logger);
        var reporting = ReportProgressAsync(process.StandardOutput, duration, progress);
        int exitCode;
        try
        {
            exitCode = await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await process.StopAsync("q", _options.StopGracePeriod);
            await reporting;
            logger.LogInformation("Stopped ffmpeg (process {ProcessId}) because its work was cancelled", process.Id);
            throw new OperationCanceledException("ffmpeg was stopped because its work was cancelled.", null, ct);
        }
        await reporting;

        if (exitCode != 0)
        {
            var failure = process.Failure("ffmpeg", exitCode);
            logger.LogWarning("ffmpeg exited with code {ExitCode}; the end of its output:\n{StderrTail}", exitCode, failure.StderrTail);
            throw failure;
        }
        progress?.Report(1);
    }

    /// <summary>The first line of <c>ffmpeg -version</c>, e.g. <c>ffmpeg version 5.1.6 …</c>.</summary>
    /// <exception cref="FfmpegException">ffmpeg could not be started or failed.</exception>
    public async Task<string> GetVersionAsync(CancellationToken ct)
    {
        var output = await ToolProcess.CaptureAsync(_options.FfmpegPath, ["-hide_banner", "-version"], logger, ct);
        return output.Split('\n', 2)[0].Trim();
    }

    private static async Task ReportProgressAsync(StreamReader stdout, TimeSpan? duration, IProgress<double>? progress)
    {
        var parser = new FfmpegProgressParser();
        var reported = 0.0;
        while (await stdout.ReadLineAsync(CancellationToken.None) is { } line)
        {
            // The end block comes before ffmpeg finishes the file (+faststart rewrites it); 1 is reported once it has exited cleanly.
            if (progress is null || duration is not { } total || parser.Feed(line) is not { IsEnd: false } block) continue;
            if (block.FractionOf(total) is { } fraction && fraction > reported && fraction < 1)
            {
                reported = fraction;
                progress.Report(fraction);
            }
        }
    }
}
