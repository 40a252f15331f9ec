using System.Text;
using FFMpegCore;
using Microsoft.Extensions.Options;
using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Media;
using VideoGen.Silo.Preview;

namespace VideoGen.Silo.Export;

/// <summary>
/// Renders a final cut on the CPU: an H.264/AAC MP4 at the export's size and frame rate, lasting
/// as long as the narration, with a SubRip file of the sentences beside it and a JPEG thumbnail.
/// Every file is written under a temporary name and renamed into place only when all are
/// complete, so a cancelled or failed export leaves nothing behind.
/// </summary>
public sealed class ExportRenderer(FfmpegRunner ffmpeg, FfprobeRunner ffprobe, IOptions<ExportOptions> options, ILogger<ExportRenderer> logger)
{
    /// <summary>The share of the progress bar the encoding takes; the thumbnail and checks take the rest.</summary>
    private const double EncodingShare = 0.95;

    private readonly ExportOptions _options = options.Value;

    /// <summary>Renders <see cref="LaneWork.Export"/> into <c>{OutputName}.mp4</c>, <c>.srt</c> and <c>.jpg</c>.</summary>
    /// <exception cref="GenerationException">A scene's files are missing or unreadable, or ffmpeg failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired; ffmpeg has stopped and no file was left behind.</exception>
    public async Task<LaneOutput> RenderAsync(LaneWork work, IProgress<LaneProgress> progress, CancellationToken ct)
    {
        var plan = work.Export ?? throw Rejected("The export job carries no plan of the final cut.");
        CheckScenes(plan);
        progress.Report(new LaneProgress(0, "reading the clips"));
        var clips = new List<double?>(plan.Scenes.Count);
        foreach (var scene in plan.Scenes) clips.Add(await ClipSecondsAsync(scene, ct));

        var timeline = ExportTimeline.Build(
            plan.Scenes.Select(s => s.AudioDuration!.Value).ToArray(), plan.FramesPerSecond,
            plan.Transitions == ExportTransition.Crossfade ? _options.CrossfadeSeconds : 0);
        var directory = Path.GetFullPath(work.OutputDirectory);

        using var subtitles = new PartialFile(directory, work.OutputName, ".srt");
        await File.WriteAllTextAsync(subtitles.TempPath, SubRip.Write(timeline, plan.Scenes.Select(s => s.Text).ToArray()), new UTF8Encoding(false), ct);
        using var narration = new PartialFile(directory, work.OutputName, ".narration.txt");
        await File.WriteAllTextAsync(narration.TempPath, ConcatList(plan.Scenes.Select(s => s.AudioFile!)), new UTF8Encoding(false), ct);

        using var video = new PartialFile(directory, work.OutputName, ".mp4");
        var command = ExportCommand.Build(plan, timeline, clips, narration.TempPath, plan.Subtitles ? subtitles.TempPath : null, _options, video.TempPath);
        var frames = timeline.TotalFrames;
        progress.Report(new LaneProgress(0, $"encoding frame 0/{frames}"));
        await RunAsync(command, TimeSpan.FromSeconds(timeline.VideoSeconds), new EncodingProgress(progress, frames), ct);

        progress.Report(new LaneProgress(EncodingShare, "making the thumbnail"));
        using var thumbnail = new PartialFile(directory, work.OutputName, ".jpg");
        // The middle of the first scene: past any fade-in, and what the video opens with.
        var still = timeline.Scenes[0].EndFrame / 2.0 / timeline.FramesPerSecond;
        await RunAsync(ExportCommand.Thumbnail(video.TempPath, still, thumbnail.TempPath), null, null, ct);

        var made = await ProbeAsync(video.TempPath, "the finished video", ct);
        if (made.Video is null || made.Audio is null)
            throw new GenerationException(FailureCause.Rejected, "ffmpeg finished the export without a video and an audio stream.");

        var subtitlesPath = subtitles.Commit();
        var thumbnailPath = thumbnail.Commit();
        var videoPath = video.Commit();
        logger.LogInformation("Export {ExportId} rendered: {Frames} frames, {Seconds} s of narration, {OutputPath}",
            plan.ExportId, frames, timeline.NarrationSeconds, videoPath);
        return new LaneOutput(videoPath, made.DurationSeconds ?? timeline.VideoSeconds, thumbnailPath, subtitlesPath);
    }

    private static void CheckScenes(ExportPlan plan)
    {
        if (plan.Scenes.Count == 0) throw Rejected("The project has no scenes to export.");
        if (plan.Incomplete is { Count: > 0 } incomplete)
            throw Rejected($"Scene {string.Join(", ", incomplete.Select(s => s.Number))} lacks " +
                           $"{string.Join(" or ", incomplete.SelectMany(s => s.Missing).Distinct().Select(a => a.ToString().ToLowerInvariant()))}: generate it, then export again.");
        foreach (var scene in plan.Scenes)
        {
            if (!File.Exists(scene.VideoFile)) throw Rejected($"The clip of scene {scene.Number} is missing: regenerate it, then export again.");
            if (!File.Exists(scene.AudioFile)) throw Rejected($"The narration of scene {scene.Number} is missing: regenerate it, then export again.");
        }
    }

    private async Task<double?> ClipSecondsAsync(ExportScene scene, CancellationToken ct)
    {
        var clip = await ProbeAsync(scene.VideoFile!, $"the clip of scene {scene.Number}", ct);
        if (clip.Video is null) throw Rejected($"The clip of scene {scene.Number} has no picture: regenerate it, then export again.");
        return clip.Video.DurationSeconds ?? clip.DurationSeconds;
    }

    private async Task<MediaInfo> ProbeAsync(string path, string what, CancellationToken ct)
    {
        try
        {
            return await ffprobe.ProbeAsync(path, ct);
        }
        catch (FfmpegException e)
        {
            throw new GenerationException(FfmpegFailures.CauseOf(e), FailureText.Compose($"ffprobe could not read {what}.", e.Message), e);
        }
    }

    private async Task RunAsync(FFMpegArgumentProcessor command, TimeSpan? duration, IProgress<double>? progress, CancellationToken ct)
    {
        try
        {
            await ffmpeg.RunAsync(command, duration, progress, ct);
        }
        catch (FfmpegException e)
        {
            throw new GenerationException(FfmpegFailures.CauseOf(e), FailureText.Compose("ffmpeg could not render the export.", e.Message), e);
        }
    }

    /// <summary>An ffmpeg concat list naming each file, quoted so any path reads back as written.</summary>
    internal static string ConcatList(IEnumerable<string> files)
    {
        var list = new StringBuilder("ffconcat version 1.0\n");
        foreach (var file in files) list.Append("file '").Append(Path.GetFullPath(file).Replace("'", @"'\''", StringComparison.Ordinal)).Append("'\n");
        return list.ToString();
    }

    private static GenerationException Rejected(string message) => new(FailureCause.Rejected, message);

    /// <summary>ffmpeg's fraction of the encoding as the lane's progress, with the frame it is at.</summary>
    private sealed class EncodingProgress(IProgress<LaneProgress> lane, int frames) : IProgress<double>
    {
        public void Report(double value) =>
            lane.Report(new LaneProgress(value * EncodingShare, $"encoding frame {(int)Math.Round(value * frames)}/{frames}"));
    }
}
