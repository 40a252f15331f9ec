using VideoGen.Silo.Export;

namespace VideoGen.Silo.Tests.Export;

public sealed class ExportTimelineTests
{
    [Fact]
    public void Build_ManyScenes_RoundsEachBoundaryOnceSoTheTotalStaysWithinHalfAFrame()
    {
        var narrations = Enumerable.Repeat(1.23, 100).ToArray();

        var timeline = ExportTimeline.Build(narrations, 24, crossfadeSeconds: 0);

        Assert.Equal((int)Math.Round(123 * 24.0), timeline.TotalFrames);
        Assert.InRange(timeline.VideoSeconds - timeline.NarrationSeconds, -0.5 / 24, 0.5 / 24);
        Assert.All(timeline.Scenes, s => Assert.InRange(s.SegmentFrames, 29, 30));
        Assert.Equal(timeline.TotalFrames, timeline.Scenes.Sum(s => s.SegmentFrames));
    }

    [Fact]
    public void Build_Crossfades_CentresEachFadeOnTheNextNarrationAndKeepsTheTotal()
    {
        var timeline = ExportTimeline.Build([2.0, 1.5, 3.0], 24, crossfadeSeconds: 0.5);

        Assert.Equal(12, timeline.CrossfadeFrames);
        Assert.Equal([54, 48, 78], timeline.Scenes.Select(s => s.SegmentFrames));
        Assert.Equal(156, timeline.TotalFrames);
        // Segments overlap by one fade at each of the two joins.
        Assert.Equal(timeline.TotalFrames, timeline.Scenes.Sum(s => s.SegmentFrames) - 2 * timeline.CrossfadeFrames);
        Assert.Equal([(48 - 6) / 24.0, (84 - 6) / 24.0], timeline.Scenes.Skip(1).Select(s => s.FadeInOffset));
        Assert.Equal([0.0, 2.0, 3.5], timeline.Scenes.Select(s => s.Start));
    }

    [Fact]
    public void Build_SceneShorterThanTheFade_ShortensTheFadeToFit()
    {
        var timeline = ExportTimeline.Build([2.0, 0.2, 2.0], 30, crossfadeSeconds: 1);

        Assert.Equal(6, timeline.CrossfadeFrames);
        Assert.Equal(6, timeline.Scenes[1].EndFrame - timeline.Scenes[1].FirstFrame);
    }

    [Fact]
    public void Build_OneScene_HasNoFade()
    {
        var timeline = ExportTimeline.Build([1.01], 30, crossfadeSeconds: 0.5);

        Assert.Equal((0, 30, 30), (timeline.CrossfadeFrames, timeline.TotalFrames, timeline.Scenes[0].SegmentFrames));
    }

    [Fact]
    public void Build_NarrationShorterThanAFrame_StillGetsAFrame()
    {
        var timeline = ExportTimeline.Build([0.01, 1.0], 24, crossfadeSeconds: 0);

        Assert.Equal([1, 23], timeline.Scenes.Select(s => s.SegmentFrames));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Build_WithoutAPositiveNarration_Throws(double seconds) =>
        Assert.Throws<ArgumentException>(() => ExportTimeline.Build([1.0, seconds], 24, 0));
}
