using System.Diagnostics;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Media;
using VideoGen.Silo.Tests.Media;

namespace VideoGen.Silo.Tests.Preview;

/// <summary>What the preview device gets from FFMpegCore: ffmpeg stopped on cancel, and its failures explained.</summary>
public sealed class PreviewFfmpegWiringTests(StartPicture start) : IClassFixture<StartPicture>
{
    [Fact]
    public async Task RunAsync_CancelledMidClip_FfmpegIsGoneWithinOneSecond()
    {
        // A grace period far past the limit: only ffmpeg obeying the 'q' FFMpegCore sends stops it in time.
        using var bed = new PreviewTestBed(ffmpeg: new FfmpegOptions { StopGracePeriod = TimeSpan.FromSeconds(30) });

        var run = await bed.RunCancelledAtFirstProgressAsync(start.Path);
        var stopping = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var gone = await MediaTools.EventuallyAsync(() => MediaTools.ProcessesMentioning(bed.Output.Path).Count == 0, TimeSpan.FromSeconds(1));

        Assert.True(gone && stopping.Elapsed < TimeSpan.FromSeconds(1), $"ffmpeg stopped after {stopping.Elapsed} (gone: {gone}).");
    }

    [Fact]
    public async Task RunAsync_StartImageNotAPicture_ErrorCarriesExitCodeAndTheEndOfStderr()
    {
        using var bed = new PreviewTestBed();
        var broken = bed.Output.File("broken.png");
        await File.WriteAllTextAsync(broken, "this is not a PNG");

        var error = await Assert.ThrowsAsync<GenerationException>(() => bed.RunAsync(bed.Clip(broken)));

        var ffmpeg = Assert.IsType<FfmpegException>(error.InnerException);
        Assert.True(ffmpeg.ExitCode > 0, $"exit code {ffmpeg.ExitCode}");
        Assert.Contains("Invalid data found when processing input", ffmpeg.StderrTail);
        var lastWords = ffmpeg.StderrTail.Split('\n').Last(l => l.Trim().Length > 0);
        Assert.Contains($"ffmpeg exited with code {ffmpeg.ExitCode}: {lastWords}", error.Message);
    }
}
