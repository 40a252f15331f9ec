using FFMpegCore;
using VideoGen.Grains.Domain;
using VideoGen.Silo.Media;

namespace VideoGen.Silo.Export;

/// <summary>
/// The one ffmpeg command that renders a final cut: every scene's clip scaled and cropped to the
/// frame, brought to the output frame rate and fitted to its narration (its last frame held, or
/// the clip slowed, when the narration is longer; cut when shorter), joined by cuts or
/// crossfades, subtitles burned in if asked; the narration laid end to end from one
/// concat list, so scenes join sample for sample.
/// </summary>
public static class ExportCommand
{
    private const string Video = "video";
    private const string Audio = "audio";

    /// <param name="plan">The export, with absolute paths to every scene's files.</param>
    /// <param name="timeline">The frame timing of the scenes.</param>
    /// <param name="clipSeconds">Each scene's clip length as ffprobe measured it (null when unknown).</param>
    /// <param name="narrationList">An ffmpeg concat list of the narration files, in order.</param>
    /// <param name="subtitles">The .srt to burn in, or null.</param>
    /// <param name="options">Encoding and fitting choices.</param>
    /// <param name="output">The MP4 to write.</param>
    public static FFMpegArgumentProcessor Build(
        ExportPlan plan, ExportTimeline timeline, IReadOnlyList<double?> clipSeconds, string narrationList, string? subtitles, ExportOptions options, string output)
    {
        var graph = new FfmpegFilterGraph();
        var fps = timeline.FramesPerSecond;
        for (var i = 0; i < plan.Scenes.Count; i++)
        {
            var frames = timeline.Scenes[i].SegmentFrames;
            var seconds = (double)frames / fps;
            var stretch = options.LongNarration == LongNarration.Slow && clipSeconds[i] is double clip && clip > 0 ? Math.Max(1, seconds / clip) : 1;
            graph.Chain([$"{i}:v:0"],
            [
                new FfmpegFilter("scale").Set("w", plan.Width).Set("h", plan.Height).Set("force_original_aspect_ratio", "increase").Set("flags", "bicubic"),
                new FfmpegFilter("crop").Set("w", plan.Width).Set("h", plan.Height),
                new FfmpegFilter("setsar").Set("sar", 1),
                new FfmpegFilter("setpts").Set("expr", stretch > 1 ? $"{Invariant.Number(stretch)}*(PTS-STARTPTS)" : "PTS-STARTPTS"),
                new FfmpegFilter("fps").Set("fps", fps),
                // Whatever is left after the clip's own frames is its last frame, held.
                new FfmpegFilter("tpad").Set("stop_mode", "clone").Set("stop_duration", Math.Ceiling(seconds) + 1),
                new FfmpegFilter("trim").Set("end_frame", frames),
                new FfmpegFilter("setpts").Set("expr", "PTS-STARTPTS"),
                new FfmpegFilter("format").Set("pix_fmts", "yuv420p"),
            ], Scene(i));
        }

        var joined = Join(graph, timeline);
        if (subtitles is not null)
        {
            graph.Chain([joined], [Subtitles(subtitles, plan.Width, plan.Height, options.SubtitleFont)], Video);
            joined = Video;
        }
        graph.Chain([$"{plan.Scenes.Count}:a:0"],
        [
            new FfmpegFilter("aresample").Set("sample_rate", 48_000),
            new FfmpegFilter("aformat").Set("sample_fmts", "fltp").Set("channel_layouts", "stereo"),
        ], Audio);

        var arguments = FfmpegCommand.Start(graph);
        foreach (var scene in plan.Scenes) arguments.AddFileInput(scene.VideoFile!, verifyExists: false);
        arguments.AddFileInput(narrationList, verifyExists: false, o => o
            .WithCustomArgument(FfmpegCommand.Option("-f", "concat"))
            .WithCustomArgument(FfmpegCommand.Option("-safe", 0)));

        return arguments.OutputToFile(output, overwrite: true, o => o
            .WithCustomArgument(FfmpegCommand.Option("-map", FfmpegFilterGraph.Pad(joined)))
            .WithCustomArgument(FfmpegCommand.Option("-map", FfmpegFilterGraph.Pad(Audio)))
            .WithCustomArgument(FfmpegCommand.Option("-c:v", "libx264"))
            .WithCustomArgument(FfmpegCommand.Option("-preset", options.Preset))
            .WithCustomArgument(FfmpegCommand.Option("-crf", options.Crf))
            .WithCustomArgument(FfmpegCommand.Option("-profile:v", "high"))
            .WithCustomArgument(FfmpegCommand.Option("-pix_fmt", "yuv420p"))
            .WithCustomArgument(FfmpegCommand.Option("-r", fps))
            .WithCustomArgument(FfmpegCommand.Option("-c:a", "aac"))
            .WithCustomArgument(FfmpegCommand.Option("-b:a", $"{options.AudioKbps}k"))
            .WithCustomArgument(FfmpegCommand.Option("-ar", 48_000))
            .WithCustomArgument(FfmpegCommand.Option("-movflags", "+faststart"))
            .WithCustomArgument(FfmpegCommand.Option("-f", "mp4")));
    }

    /// <summary>A JPEG still of the finished cut at <paramref name="atSeconds"/>, at most 640 pixels a side, written to <paramref name="output"/>.</summary>
    public static FFMpegArgumentProcessor Thumbnail(string video, double atSeconds, string output) =>
        FfmpegCommand.Start()
            .AddFileInput(video, verifyExists: false, o => o.WithCustomArgument(FfmpegCommand.Option("-ss", atSeconds)))
            .OutputToFile(output, overwrite: true, o => o
                .WithCustomArgument(FfmpegCommand.Option("-map", "0:v:0"))
                .WithCustomArgument(FfmpegCommand.VideoFilter(new FfmpegFilter("scale").Set("w", 640).Set("h", 640).Set("force_original_aspect_ratio", "decrease")))
                .WithCustomArgument(FfmpegCommand.Option("-frames:v", 1))
                .WithCustomArgument(FfmpegCommand.Option("-c:v", "mjpeg"))
                .WithCustomArgument(FfmpegCommand.Option("-q:v", 3))
                .WithCustomArgument(FfmpegCommand.Option("-f", "image2"))
                .WithCustomArgument(FfmpegCommand.Option("-update", 1)));

    private static string Join(FfmpegFilterGraph graph, ExportTimeline timeline)
    {
        var count = timeline.Scenes.Count;
        if (count == 1) return Scene(0);
        if (timeline.CrossfadeFrames == 0)
        {
            graph.Chain(Enumerable.Range(0, count).Select(Scene), [new FfmpegFilter("concat").Set("n", count).Set("v", 1).Set("a", 0)], "joined");
            return "joined";
        }
        var current = Scene(0);
        for (var i = 1; i < count; i++)
        {
            var next = $"faded{i}";
            graph.Chain([current, Scene(i)],
            [
                new FfmpegFilter("xfade").Set("transition", "fade").Set("duration", timeline.CrossfadeSeconds).Set("offset", timeline.Scenes[i].FadeInOffset),
            ], next);
            current = next;
        }
        return current;
    }

    // libass lays SubRip out on a 288-line canvas scaled to the frame: these sizes give text about
    // a twentieth of the short side high, above the bottom edge, on any frame shape.
    private static FfmpegFilter Subtitles(string path, int width, int height, string font)
    {
        var canvas = 288.0 / height;
        var size = Math.Round(0.055 * Math.Min(width, height) * canvas, 1);
        var margin = (int)Math.Round(0.05 * height * canvas);
        return new FfmpegFilter("subtitles")
            .Set("filename", path)
            .Set("charenc", "UTF-8")
            .Set("force_style", $"FontName={font},FontSize={Invariant.Number(size)},PrimaryColour=&H00FFFFFF,OutlineColour=&H00000000,BorderStyle=1,Outline=1.5,Shadow=0,MarginV={margin}");
    }

    private static string Scene(int index) => $"scene{index}";
}
