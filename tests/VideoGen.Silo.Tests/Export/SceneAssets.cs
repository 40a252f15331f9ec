using FFMpegCore;
using VideoGen.Silo.Media;
using VideoGen.Silo.Tests.Media;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Export;

/// <summary>Real media for a scene made straight with ffmpeg (a moving test picture, a tone) and stored on its sentence.</summary>
public static class SceneAssets
{
    /// <summary>Gives the sentence an image, a clip of <paramref name="clipSeconds"/> and narration of <paramref name="narrationSeconds"/>; returns the narration's measured length.</summary>
    public static async Task<double> GiveAsync(
        QueueCluster cluster, Guid projectId, Guid sentenceId, double clipSeconds, double narrationSeconds, int width = 320, int height = 180)
    {
        var folder = cluster.Media.DirectoryFor(projectId, sentenceId);
        var (image, clip, audio) = (Path.Combine(folder, "image.png"), Path.Combine(folder, "clip.mp4"), Path.Combine(folder, "narration.wav"));
        await MediaTools.WriteTestPictureAsync(image, width, height);
        await RunAsync(MediaTools.Lavfi($"testsrc2=s={width}x{height}:r=24").OutputToFile(clip, overwrite: true, o => o
            .WithCustomArgument(FfmpegCommand.Option("-t", clipSeconds)).WithCustomArgument(FfmpegCommand.Option("-c:v", "libx264"))
            .WithCustomArgument(FfmpegCommand.Option("-preset", "ultrafast")).WithCustomArgument(FfmpegCommand.Option("-pix_fmt", "yuv420p"))
            .WithCustomArgument(FfmpegCommand.Option("-f", "mp4"))));
        await RunAsync(MediaTools.Lavfi("sine=frequency=330:sample_rate=48000").OutputToFile(audio, overwrite: true, o => o
            .WithCustomArgument(FfmpegCommand.Option("-t", narrationSeconds)).WithCustomArgument(FfmpegCommand.Option("-ac", 1))
            .WithCustomArgument(FfmpegCommand.Option("-c:a", "pcm_s16le")).WithCustomArgument(FfmpegCommand.Option("-f", "wav"))));
        var seconds = (await MediaTools.Ffprobe().ProbeAsync(audio, CancellationToken.None)).DurationSeconds!.Value;
        var now = DateTimeOffset.UtcNow;
        await cluster.Sentences.UpdateAsync(sentenceId, s =>
        {
            s.ImageStored(cluster.Media.ToRelative(image), now);
            s.AudioStored(cluster.Media.ToRelative(audio), seconds, now);
            s.VideoStored(cluster.Media.ToRelative(clip), now);
        }, CancellationToken.None);
        return seconds;
    }

    private static Task RunAsync(FFMpegArgumentProcessor command) =>
        MediaTools.Ffmpeg().RunAsync(command, duration: null, progress: null, CancellationToken.None);
}
