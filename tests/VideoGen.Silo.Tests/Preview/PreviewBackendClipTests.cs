using System.Diagnostics;
using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Media;
using VideoGen.Silo.Preview;
using VideoGen.Silo.Tests.Media;

namespace VideoGen.Silo.Tests.Preview;

public sealed class PreviewBackendClipTests(StartPicture start) : IClassFixture<StartPicture>
{
    private const double FrameSeconds = 1.0 / PreviewBackend.FramesPerSecond;

    [Theory]
    [InlineData(1.0, 320, 180)]
    [InlineData(1.7, 256, 256)]
    public async Task RunAsync_Clip_IsH264Yuv420pOfTheAskedSizeCoveringTheNarration(double seconds, int width, int height)
    {
        using var bed = new PreviewTestBed();

        var output = await bed.RunAsync(bed.Clip(start.Path, seconds: seconds, width: width, height: height));

        Assert.Equal(bed.Output.File("clip-ZoomIn.mp4"), output.FilePath);
        Assert.Equal(["clip-ZoomIn.mp4"], bed.Output.FileNames());
        var info = await MediaTools.Ffprobe().ProbeAsync(output.FilePath, CancellationToken.None);
        var video = Assert.Single(info.Streams);
        Assert.Equal(("h264", "yuv420p", width, height, 24.0), (video.CodecName, video.PixelFormat, video.Width, video.Height, video.FrameRate));
        var frames = ClipLength.Frames(seconds, 24, PreviewBackend.MaxFrames);
        Assert.True(frames / 24.0 >= seconds);
        Assert.Equal(frames, video.FrameCount);
        Assert.InRange(info.DurationSeconds!.Value, frames / 24.0 - FrameSeconds, frames / 24.0 + FrameSeconds);
    }

    [Fact]
    public async Task RunAsync_NarrationLongerThanAMinute_IsCappedAtAMinute()
    {
        using var bed = new PreviewTestBed();

        var output = await bed.RunAsync(bed.Clip(start.Path, CameraMovement.PanRight, seconds: 75, width: 64, height: 36));

        var info = await MediaTools.Ffprobe().ProbeAsync(output.FilePath, CancellationToken.None);
        Assert.Equal(PreviewBackend.MaxFrames, info.Video?.FrameCount);
        Assert.InRange(info.DurationSeconds!.Value, 60, 60 + 2 * FrameSeconds);
    }

    [Theory]
    [InlineData(CameraMovement.ZoomIn)]
    [InlineData(CameraMovement.ZoomOut)]
    [InlineData(CameraMovement.PanLeft)]
    [InlineData(CameraMovement.PanRight)]
    [InlineData(CameraMovement.TiltUp)]
    [InlineData(CameraMovement.TiltDown)]
    public async Task RunAsync_CameraMove_StartsAndEndsOnTheExpectedPartOfTheStill(CameraMovement movement)
    {
        using var bed = new PreviewTestBed();
        var work = bed.Clip(start.Path, movement);
        var frames = ClipLength.Frames(work.ClipSeconds, 24, PreviewBackend.MaxFrames);
        var zoom = 1 + CameraMove.Travel(work.MotionStrength, frames / 24.0);

        var output = await bed.RunAsync(work);

        var (from, to) = Windows(movement, zoom);
        var first = await MediaTools.ThumbnailAsync(output.FilePath, frame: 0);
        var last = await MediaTools.ThumbnailAsync(output.FilePath, frame: frames - 1);
        var expectedFirst = await MediaTools.ThumbnailAsync(start.Path, crop: from);
        var expectedLast = await MediaTools.ThumbnailAsync(start.Path, crop: to);
        Assert.True(MediaTools.Difference(first, expectedFirst) < MediaTools.Difference(first, expectedLast), "The first frame is not where the move starts.");
        Assert.True(MediaTools.Difference(last, expectedLast) < MediaTools.Difference(last, expectedFirst), "The last frame is not where the move ends.");
    }

    [Fact]
    public async Task RunAsync_Static_HoldsTheWholeStill()
    {
        using var bed = new PreviewTestBed();

        var output = await bed.RunAsync(bed.Clip(start.Path, CameraMovement.Static));

        var first = await MediaTools.ThumbnailAsync(output.FilePath, frame: 0);
        var last = await MediaTools.ThumbnailAsync(output.FilePath, frame: 24);
        var still = await MediaTools.ThumbnailAsync(start.Path);
        Assert.True(MediaTools.Difference(first, last) < 2, "A static clip moved.");
        Assert.True(MediaTools.Difference(first, still) < 4, "A static clip does not show the whole still.");
    }

    [Fact]
    public async Task RunAsync_Clip_ReportsIncreasingProgressEndingAtOne()
    {
        using var bed = new PreviewTestBed();
        var progress = new RecordingProgress<LaneProgress>();

        await bed.RunAsync(bed.Clip(start.Path, CameraMovement.PanLeft, seconds: 10), progress);

        var fractions = progress.Reports.Select(p => p.Fraction).ToList();
        Assert.True(fractions.Count >= 3, $"Expected progress along the way, got [{string.Join(", ", fractions)}].");
        Assert.Equal(0, fractions[0]);
        Assert.All(fractions.Zip(fractions.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{pair.Second} after {pair.First}"));
        Assert.Equal(1, fractions[^1]);
        Assert.Equal("rendering frame 241/241", progress.Reports[^1].Step);
    }

    [Fact]
    public async Task RunAsync_CancelledDuringLongClip_StopsPromptlyAndLeavesNothing()
    {
        using var bed = new PreviewTestBed();

        var run = await bed.RunCancelledAtFirstProgressAsync(start.Path);
        var stopping = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(2), $"Stopping took {stopping.Elapsed}.");
        Assert.Empty(bed.Output.FileNames());
        Assert.Empty(MediaTools.ProcessesMentioning(bed.Output.Path));
    }

    [Fact]
    public async Task RunAsync_MissingStartImage_IsRejected()
    {
        using var bed = new PreviewTestBed();

        var error = await Assert.ThrowsAsync<GenerationException>(() => bed.RunAsync(bed.Clip(bed.Output.File("missing.png"))));

        Assert.Equal(FailureCause.Rejected, error.Cause);
        Assert.Contains("missing.png", error.Message);
        Assert.Empty(bed.Output.FileNames());
    }

    [Fact]
    public async Task RunAsync_NoStartImage_IsRejected()
    {
        using var bed = new PreviewTestBed();

        var error = await Assert.ThrowsAsync<GenerationException>(() => bed.RunAsync(bed.Clip(start.Path) with { StartImagePath = null }));

        Assert.Equal(FailureCause.Rejected, error.Cause);
    }

    [Fact]
    public async Task RunAsync_StartImageNotAPicture_IsRejectedWithFfmpegsReason()
    {
        using var bed = new PreviewTestBed();
        var broken = bed.Output.File("broken.png");
        await File.WriteAllTextAsync(broken, "this is not a PNG");

        var error = await Assert.ThrowsAsync<GenerationException>(() => bed.RunAsync(bed.Clip(broken)));

        Assert.Equal(FailureCause.Rejected, error.Cause);
        var ffmpeg = Assert.IsType<FfmpegException>(error.InnerException);
        Assert.NotEqual(0, ffmpeg.ExitCode);
        Assert.Equal(["broken.png"], bed.Output.FileNames());
    }

    [Fact]
    public async Task RunAsync_OddSize_IsRejected()
    {
        using var bed = new PreviewTestBed();

        var error = await Assert.ThrowsAsync<GenerationException>(() => bed.RunAsync(bed.Clip(start.Path, width: 321, height: 180)));

        Assert.Equal(FailureCause.Rejected, error.Cause);
    }

    // The part of the still (crop w, h, x, y) the first and the last frame should show.
    private static ((string, string, string, string) From, (string, string, string, string) To) Windows(CameraMovement movement, double zoom)
    {
        var z = zoom.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (string, string, string, string) Window(string x, string y) => ($"iw/{z}", $"ih/{z}", x, y);
        var whole = ("iw", "ih", "0", "0");
        var centre = Window("(iw-ow)/2", "(ih-oh)/2");
        return movement switch
        {
            CameraMovement.ZoomIn => (whole, centre),
            CameraMovement.ZoomOut => (centre, whole),
            CameraMovement.PanLeft => (Window("iw-ow", "(ih-oh)/2"), Window("0", "(ih-oh)/2")),
            CameraMovement.PanRight => (Window("0", "(ih-oh)/2"), Window("iw-ow", "(ih-oh)/2")),
            CameraMovement.TiltUp => (Window("(iw-ow)/2", "ih-oh"), Window("(iw-ow)/2", "0")),
            CameraMovement.TiltDown => (Window("(iw-ow)/2", "0"), Window("(iw-ow)/2", "ih-oh")),
            _ => throw new ArgumentOutOfRangeException(nameof(movement)),
        };
    }
}
