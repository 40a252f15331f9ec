using VideoGen.Silo.Media;

namespace VideoGen.Silo.Tests.Media;

public sealed class FfmpegProgressParserTests
{
    [Fact]
    public void ParseAll_CapturedClipRender_ReadsEveryBlockInOrder()
    {
        var blocks = FfmpegProgressParser.ParseAll(MediaTools.Sample("progress-clip-121-frames.txt"));

        Assert.Equal(12, blocks.Count);
        Assert.All(blocks.SkipLast(1), b => Assert.False(b.IsEnd));
        Assert.True(blocks[^1].IsEnd);
        Assert.Equal(TimeSpan.Zero, blocks[0].OutTime);
        Assert.Equal(TimeSpan.FromMicroseconds(4_916_748), blocks[^1].OutTime);
        Assert.Equal(121, blocks[^1].Frame);
        var times = blocks.Select(b => b.OutTime!.Value).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public void ParseAll_CapturedStillRender_EndsAfterOneFrame()
    {
        var blocks = FfmpegProgressParser.ParseAll(MediaTools.Sample("progress-still.txt"));

        Assert.Equal(2, blocks.Count);
        Assert.Null(blocks[0].Speed);
        Assert.Equal(new FfmpegProgress(1, TimeSpan.FromMilliseconds(40), 0.487, IsEnd: true), blocks[1]);
    }

    [Fact]
    public void ParseAll_CapturedCancelledRender_EndsWhereFfmpegStopped()
    {
        var blocks = FfmpegProgressParser.ParseAll(MediaTools.Sample("progress-cancelled.txt"));

        var last = blocks[^1];
        Assert.True(last.IsEnd);
        Assert.Equal(132, last.Frame);
        Assert.Equal(TimeSpan.FromMicroseconds(5_375_081), last.OutTime);
        Assert.Equal(4.47, last.Speed);
    }

    [Fact]
    public void ParseAll_CapturedNegativeOutTime_LeavesPositionUnknown()
    {
        var blocks = FfmpegProgressParser.ParseAll(MediaTools.Sample("progress-negative-offset.txt"));

        Assert.Equal(2, blocks.Count);
        Assert.All(blocks, b => Assert.Null(b.OutTime));
        Assert.All(blocks, b => Assert.Null(b.Speed));
        Assert.Equal([1L, 121L], blocks.Select(b => b.Frame!.Value));
    }

    [Fact]
    public void Feed_ClockTimeWithoutMicroseconds_UsesTheClock()
    {
        var parser = new FfmpegProgressParser();

        Assert.Null(parser.Feed("out_time_us=N/A"));
        Assert.Null(parser.Feed("out_time=01:02:03.500000"));
        var block = parser.Feed("progress=continue");

        Assert.Equal(new TimeSpan(0, 1, 2, 3, 500), block?.OutTime);
    }

    [Fact]
    public void Feed_LinesAfterABlock_StartAFreshBlock()
    {
        var parser = new FfmpegProgressParser();
        parser.Feed("frame=7");
        parser.Feed("out_time_us=250000");
        parser.Feed("progress=continue");

        parser.Feed("garbage without separator");
        var next = parser.Feed("progress=end");

        Assert.Equal(new FfmpegProgress(null, null, null, IsEnd: true), next);
    }

    [Theory]
    [InlineData(1_000_000, false, 0.25)]
    [InlineData(8_000_000, false, 1.0)]
    [InlineData(0, true, 1.0)]
    public void FractionOf_FourSecondOutput_IsPositionOverDuration(long outMicros, bool isEnd, double expected) =>
        Assert.Equal(expected, new FfmpegProgress(null, TimeSpan.FromMicroseconds(outMicros), null, isEnd).FractionOf(TimeSpan.FromSeconds(4)));

    [Fact]
    public void FractionOf_UnknownPosition_IsNull() =>
        Assert.Null(new FfmpegProgress(3, null, null, IsEnd: false).FractionOf(TimeSpan.FromSeconds(4)));
}
