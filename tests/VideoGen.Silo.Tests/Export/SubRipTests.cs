using VideoGen.Silo.Export;

namespace VideoGen.Silo.Tests.Export;

public sealed class SubRipTests
{
    [Fact]
    public void Write_CuesFollowTheNarrationToTheMillisecond()
    {
        var timeline = ExportTimeline.Build([1.2345, 61.5, 3600.0], 24, 0);

        var srt = SubRip.Write(timeline, ["First  line\nwith a break.", "Arrows --> inside.", "Last."]);

        Assert.Equal(
            "1\n00:00:00,000 --> 00:00:01,235\nFirst line with a break.\n\n" +
            "2\n00:00:01,235 --> 00:01:02,735\nArrows → inside.\n\n" +
            "3\n00:01:02,735 --> 01:01:02,735\nLast.\n\n",
            srt);
    }

    [Theory]
    [InlineData(0.0, "00:00:00,000")]
    [InlineData(0.0005, "00:00:00,001")]
    [InlineData(59.9999, "00:01:00,000")]
    [InlineData(3723.456, "01:02:03,456")]
    public void Time_IsHoursMinutesSecondsCommaMilliseconds(double seconds, string expected) =>
        Assert.Equal(expected, SubRip.Time(seconds));
}
