using VideoGen.Grains.Domain;
using VideoGen.Silo.Tests.Media;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Export;

/// <summary>A clip shorter than its narration: its last frame is held, or it is slowed down; the narration is never cut.</summary>
public sealed class LongNarrationTests
{
    [Theory]
    [InlineData("Hold")]
    [InlineData("Slow")]
    public async Task Export_ClipHalfAsLongAsItsNarration_CoversTheWholeNarration(string mode)
    {
        await using var backends = new RealBackends(new Dictionary<string, string?> { ["Export:LongNarration"] = mode });
        await using var cluster = await QueueCluster.StartAsync("sqlite");
        await cluster.StartSiloAsync("a", backends.Cpu("cpu-a"));
        var project = await cluster.ImportAsync("The clock keeps ticking.");
        var narration = await SceneAssets.GiveAsync(cluster, project.Id, project.Sentences.Single().Id, clipSeconds: 1, narrationSeconds: 2);

        var start = await cluster.Exports.StartAsync(project.Id, cluster.Owner, new ExportSettings(false, ExportTransition.Cut, 24), CancellationToken.None);
        await cluster.WaitForJobAsync(start.JobId, JobStatus.Succeeded, TimeSpan.FromSeconds(60));

        var file = cluster.Media.ToAbsolute((await cluster.ExportViews.GetAsync(start.ExportId, cluster.Owner, CancellationToken.None))!.File!)!;
        var video = await backends.Probe.ProbeAsync(file, CancellationToken.None);
        Assert.Equal(48, video.Video!.FrameCount);
        Assert.InRange(video.Audio!.DurationSeconds!.Value, narration - 0.03, narration + 0.03);
        // The test picture's clock moves every frame: held frames are the same, slowed ones are not.
        var late = MediaTools.Difference(await MediaTools.ThumbnailAsync(file, frame: 36), await MediaTools.ThumbnailAsync(file, frame: 46));
        var early = MediaTools.Difference(await MediaTools.ThumbnailAsync(file, frame: 2), await MediaTools.ThumbnailAsync(file, frame: 12));
        Assert.True(early > 1, $"the clip moves at its start (difference {early})");
        if (mode == "Hold") Assert.True(late < 0.5, $"held frames differ by {late}");
        else Assert.True(late > 1, $"slowed frames differ by only {late}");
    }
}
