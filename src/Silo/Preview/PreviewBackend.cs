using FFMpegCore;
using Microsoft.Extensions.Options;
using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Media;

namespace VideoGen.Silo.Preview;

/// <summary>
/// The CPU preview device, built on ffmpeg: a seeded still per image prompt with its first words
/// written on it, and a camera move over that still lasting the whole narration: an animatic
/// a creator can time against the narration before spending GPU hours.
/// </summary>
public sealed class PreviewBackend(FfmpegRunner ffmpeg, IOptions<PreviewOptions> options, ILogger<PreviewBackend> logger) : IDeviceBackend
{
    /// <summary>The frame rate of preview clips.</summary>
    public const int FramesPerSecond = 24;

    /// <summary>The longest preview clip in frames (4k+1): a minute, long enough to cover a scene's narration.</summary>
    public const int MaxFrames = FramesPerSecond * 60 + 1;

    /// <summary>The largest width or height the preview renders.</summary>
    public const int MaxSide = 8192;

    private const int MinSide = 16;

    private readonly PreviewOptions _options = options.Value;

    /// <summary>
    /// Renders a still (<see cref="JobKind.Image"/>, PNG) or a clip (<see cref="JobKind.Video"/>,
    /// H.264 MP4 at <see cref="FramesPerSecond"/>). A clip covers <see cref="LaneWork.ClipSeconds"/>
    /// up to <see cref="MaxFrames"/>; <see cref="LaneWork.MaxFrames"/>, a video model's limit, does not apply.
    /// </summary>
    /// <exception cref="GenerationException">The work cannot be rendered here, or ffmpeg failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired; ffmpeg has stopped and no output was left behind.</exception>
    public async Task<LaneOutput> RunAsync(LaneWork work, IProgress<LaneProgress> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(progress);
        return work.Kind switch
        {
            JobKind.Image => await RenderStillAsync(work, progress, ct),
            JobKind.Video => await RenderClipAsync(work, progress, ct),
            _ => throw Rejected($"The preview device renders images and clips, not {work.Kind} jobs."),
        };
    }

    /// <summary>Whether ffmpeg runs (<c>ffmpeg -version</c>) and the font for the stills is there.</summary>
    public async Task<string?> HealthProblemAsync(CancellationToken ct)
    {
        try
        {
            await ffmpeg.GetVersionAsync(ct);
        }
        catch (FfmpegException e)
        {
            return $"The preview device cannot run ffmpeg: {e.Message}";
        }
        return File.Exists(_options.FontFile)
            ? null
            : $"The preview device's font {_options.FontFile} is missing (install fonts-dejavu-core or set Preview:FontFile).";
    }

    private async Task<LaneOutput> RenderStillAsync(LaneWork work, IProgress<LaneProgress> progress, CancellationToken ct)
    {
        CheckCommon(work, evenSize: false);
        if (!File.Exists(_options.FontFile))
            throw Rejected($"The preview font '{_options.FontFile}' is missing: install the Debian package fonts-dejavu-core or set Preview:FontFile.");

        var look = StillLook.From(work.Seed, work.Prompt);
        var graph = StillGraph.Build(look, work.Width, work.Height, _options.FontFile, work.Prompt, work.Text);
        var command = FfmpegCommand.Start(graph);
        void Still(FFMpegOutputOptions o) => o
            .WithCustomArgument(FfmpegCommand.Option("-map", FfmpegFilterGraph.Pad(StillGraph.Output)))
            .WithCustomArgument(FfmpegCommand.Option("-frames:v", 1))
            .WithCustomArgument(FfmpegCommand.Option("-c:v", "png"))
            .WithCustomArgument(FfmpegCommand.Option("-f", "image2"))
            .WithCustomArgument(FfmpegCommand.Option("-update", 1));

        progress.Report(new LaneProgress(0, "drawing the still"));
        return await RenderAsync(work, ".png", "image", path => command.OutputToFile(path, overwrite: true, Still), duration: null, new LaneProgressRelay(progress, f => f >= 1 ? "still drawn" : "drawing the still"), ct);
    }

    private async Task<LaneOutput> RenderClipAsync(LaneWork work, IProgress<LaneProgress> progress, CancellationToken ct)
    {
        CheckCommon(work, evenSize: true);
        if (string.IsNullOrWhiteSpace(work.StartImagePath)) throw Rejected("A preview clip needs the scene's image to start from; render the image first.");
        var startImage = Path.GetFullPath(work.StartImagePath);
        if (!File.Exists(startImage)) throw Rejected($"The clip's start image '{startImage}' does not exist; render the image again.");

        var frames = ClipLength.Frames(work.ClipSeconds, FramesPerSecond, MaxFrames);
        var move = CameraMove.For(work.CameraMovement, work.MotionStrength, frames, FramesPerSecond);
        // zoompan can only place its window on whole input pixels; enlarging the still first keeps slow moves from stuttering.
        var supersample = Math.Clamp((int)Math.Sqrt(16_000_000.0 / ((double)work.Width * work.Height)), 1, 4);
        var (bigWidth, bigHeight) = (work.Width * supersample, work.Height * supersample);
        var command = FfmpegCommand.Start().AddFileInput(startImage, verifyExists: false);
        void Clip(FFMpegOutputOptions o) => o
            .WithCustomArgument(FfmpegCommand.Option("-map", "0:v:0"))
            .WithCustomArgument(FfmpegCommand.VideoFilter(
                new FfmpegFilter("scale").Set("w", bigWidth).Set("h", bigHeight).Set("force_original_aspect_ratio", "increase").Set("flags", "bicubic"),
                new FfmpegFilter("crop").Set("w", bigWidth).Set("h", bigHeight),
                new FfmpegFilter("setsar").Set("sar", 1),
                move.ToZoompan(frames, work.Width, work.Height, FramesPerSecond),
                new FfmpegFilter("format").Set("pix_fmts", "yuv420p")))
            .WithCustomArgument(FfmpegCommand.Option("-frames:v", frames))
            .WithCustomArgument("-an")
            .WithCustomArgument(FfmpegCommand.Option("-c:v", "libx264"))
            .WithCustomArgument(FfmpegCommand.Option("-preset", "veryfast"))
            .WithCustomArgument(FfmpegCommand.Option("-crf", 23))
            .WithCustomArgument(FfmpegCommand.Option("-pix_fmt", "yuv420p"))
            .WithCustomArgument(FfmpegCommand.Option("-movflags", "+faststart"))
            .WithCustomArgument(FfmpegCommand.Option("-f", "mp4"));

        progress.Report(new LaneProgress(0, $"rendering frame 0/{frames}"));
        var relay = new LaneProgressRelay(progress, f => $"rendering frame {(int)Math.Round(f * frames)}/{frames}");
        return await RenderAsync(work, ".mp4", "clip", path => command.OutputToFile(path, overwrite: true, Clip), TimeSpan.FromSeconds((double)frames / FramesPerSecond), relay, ct);
    }

    private async Task<LaneOutput> RenderAsync(
        LaneWork work, string extension, string what, Func<string, FFMpegArgumentProcessor> commandTo, TimeSpan? duration, IProgress<double> progress, CancellationToken ct)
    {
        using var output = new PartialFile(Path.GetFullPath(work.OutputDirectory), work.OutputName, extension);
        try
        {
            await ffmpeg.RunAsync(commandTo(output.TempPath), duration, progress, ct);
        }
        catch (FfmpegException e)
        {
            throw new GenerationException(FfmpegFailures.CauseOf(e), FailureText.Compose($"The preview device could not render the {what}.", e.Message), e);
        }
        var path = output.Commit();
        logger.LogInformation("Preview device rendered {OutputPath} for job {JobId}", path, work.JobId);
        return new LaneOutput(path);
    }

    private static void CheckCommon(LaneWork work, bool evenSize)
    {
        if (work.Width is < MinSide or > MaxSide || work.Height is < MinSide or > MaxSide)
            throw Rejected($"The preview renders {MinSide} to {MaxSide} pixels a side (asked for {work.Width}×{work.Height}).");
        if (evenSize && (work.Width % 2 != 0 || work.Height % 2 != 0))
            throw Rejected($"H.264 in yuv420p needs an even width and height (asked for {work.Width}×{work.Height}).");
        if (string.IsNullOrWhiteSpace(work.OutputName) || work.OutputName != Path.GetFileName(work.OutputName) || work.OutputName is "." or "..")
            throw Rejected($"The output name '{work.OutputName}' must be a plain file name.");
        if (!Directory.Exists(work.OutputDirectory))
            throw Rejected($"The output folder '{work.OutputDirectory}' does not exist.");
    }

    private static GenerationException Rejected(string message) => new(FailureCause.Rejected, message);
}
