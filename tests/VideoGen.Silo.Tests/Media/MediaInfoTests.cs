using FFMpegCore;
using VideoGen.Silo.Media;

namespace VideoGen.Silo.Tests.Media;

public sealed class MediaInfoTests
{
    [Fact]
    public void From_CapturedClipProbe_ReadsTheH264Stream()
    {
        var info = MediaInfo.From(FFProbe.FromJson(MediaTools.Sample("ffprobe-clip.json")));

        Assert.StartsWith("mov,mp4", info.FormatName);
        Assert.Equal(121 / 24.0, info.DurationSeconds!.Value, precision: 3);
        var video = Assert.Single(info.Streams);
        Assert.Same(video, info.Video);
        Assert.Null(info.Audio);
        Assert.Equal(new MediaStreamInfo(0, "video", "h264", 1280, 720, 24, "yuv420p", video.DurationSeconds, 121), video);
        Assert.Equal(121 / 24.0, video.DurationSeconds!.Value, precision: 3);
    }

    [Fact]
    public void From_CapturedStillProbe_HasNoDuration()
    {
        var info = MediaInfo.From(FFProbe.FromJson(MediaTools.Sample("ffprobe-still.json")));

        Assert.Equal("png_pipe", info.FormatName);
        Assert.Null(info.DurationSeconds);
        Assert.Equal(new MediaStreamInfo(0, "video", "png", 640, 360, 25, "rgb24", null, null), info.Video);
    }

    [Fact]
    public async Task ProbeAsync_MissingFile_ThrowsWithStderr()
    {
        var error = await Assert.ThrowsAsync<FfmpegException>(() => MediaTools.Ffprobe().ProbeAsync("/nonexistent/clip.mp4", CancellationToken.None));

        Assert.Contains("No such file or directory", error.StderrTail);
    }

    [Fact]
    public async Task ProbeAsync_TestPicture_ReadsItsSize()
    {
        using var folder = new TempFolder();
        var picture = await MediaTools.WriteTestPictureAsync(folder.File("test.png"), 96, 54);

        var info = await MediaTools.Ffprobe().ProbeAsync(picture, CancellationToken.None);

        Assert.Equal(("png", 96, 54), (info.Video?.CodecName, info.Video?.Width, info.Video?.Height));
    }
}
