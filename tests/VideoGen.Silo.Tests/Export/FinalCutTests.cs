using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Export;

/// <summary>Final cuts rendered on a silo's CPU lane from real narration, stills and clips, checked with ffprobe.</summary>
public sealed class FinalCutTests
{
    private static readonly TimeSpan Render = TimeSpan.FromSeconds(120);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_FiveScenesOnThePreviewDevice_IsA1080pH264AacCutAsLongAsItsNarration(string provider)
    {
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", backends.Preview("cpu-preview"), backends.Cpu("cpu-a"));
        var project = await cluster.ImportAsync("Dawn breaks. Gulls wake. The tide turns. Boats leave. Night comes.");
        await cluster.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None);
        // Narration, still and clip for each scene.
        await cluster.WaitForProjectAsync(project.Id, 15, Render);

        var start = await cluster.Exports.StartAsync(project.Id, cluster.Owner, new ExportSettings(true, ExportTransition.Crossfade, 24), CancellationToken.None);
        await cluster.WaitForJobAsync(start.JobId, JobStatus.Succeeded, Render);

        var export = (await cluster.ExportViews.GetAsync(start.ExportId, cluster.Owner, CancellationToken.None))!;
        var sentences = (await cluster.Projects.GetAsync(project.Id, cluster.Owner, CancellationToken.None))!.Sentences.ToArray();
        var narration = sentences.Sum(s => s.AudioDuration!.Value);
        var video = await backends.Probe.ProbeAsync(cluster.Media.ToAbsolute(export.File!)!, CancellationToken.None);
        Assert.Equal((JobStatus.Succeeded, 1.0, 1920, 1080), (export.Status, export.Progress, export.Width, export.Height));
        Assert.Equal(("h264", 1920, 1080, 24.0), (video.Video!.CodecName, video.Video.Width, video.Video.Height, video.Video.FrameRate));
        Assert.Equal("aac", video.Audio!.CodecName);
        Assert.InRange(video.DurationSeconds!.Value, narration - 1 / 24.0, narration + 1 / 24.0);
        Assert.InRange(video.Audio.DurationSeconds!.Value, narration - 1 / 24.0, narration + 1 / 24.0);
        Assert.Equal(video.DurationSeconds.Value, export.Duration!.Value, 0.001);

        var cues = SubRipCues.Parse(await File.ReadAllTextAsync(cluster.Media.ToAbsolute(export.SubtitlesFile!)!));
        Assert.Equal(sentences.Select(s => s.Text), cues.Select(c => c.Text));
        var elapsed = 0.0;
        foreach (var (cue, sentence) in cues.Zip(sentences))
        {
            Assert.Equal(elapsed, cue.Start, 0.0015);
            elapsed += sentence.AudioDuration!.Value;
            Assert.Equal(elapsed, cue.End, 0.0015);
        }
        var thumbnail = await backends.Probe.ProbeAsync(cluster.Media.ToAbsolute(export.Thumbnail!)!, CancellationToken.None);
        Assert.Equal(("mjpeg", 640, 360), (thumbnail.Video!.CodecName, thumbnail.Video.Width, thumbnail.Video.Height));
        var folder = Path.GetDirectoryName(cluster.Media.ToAbsolute(export.File!))!;
        Assert.Equal([".jpg", ".mp4", ".srt"], Directory.GetFiles(folder, "export-*").Select(Path.GetExtension).Order());
        Assert.Empty(Directory.GetFiles(folder, ".*"));
    }

    [Fact]
    public async Task Export_PortraitWithCutsAt30Fps_HasOneFramePerThirtiethOfNarration()
    {
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync("sqlite");
        await cluster.StartSiloAsync("a", backends.Cpu("cpu-a"));
        var project = await cluster.ImportAsync("Up the cliff. Into the sky.", AspectRatio.Portrait);
        var narration = 0.0;
        foreach (var sentence in project.Sentences)
            narration += await SceneAssets.GiveAsync(cluster, project.Id, sentence.Id, clipSeconds: 1, narrationSeconds: 1.3, width: 180, height: 320);

        var start = await cluster.Exports.StartAsync(project.Id, cluster.Owner, new ExportSettings(false, ExportTransition.Cut, 30), CancellationToken.None);
        await cluster.WaitForJobAsync(start.JobId, JobStatus.Succeeded, Render);

        var export = (await cluster.ExportViews.GetAsync(start.ExportId, cluster.Owner, CancellationToken.None))!;
        var video = await backends.Probe.ProbeAsync(cluster.Media.ToAbsolute(export.File!)!, CancellationToken.None);
        Assert.Equal((1080, 1920, 30.0), (video.Video!.Width, video.Video.Height, video.Video.FrameRate));
        Assert.Equal((long)Math.Round(narration * 30), video.Video.FrameCount);
        Assert.Equal("aac", video.Audio!.CodecName);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Start_WithScenesLackingAssets_ListsThemAndQueuesNothing(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var project = await cluster.ImportAsync("Complete scene. Only a picture. Nothing yet.");
        var ids = project.Sentences.Select(s => s.Id).ToArray();
        await SceneAssets.GiveAsync(cluster, project.Id, ids[0], 0.5, 0.5);
        await cluster.Sentences.UpdateAsync(ids[1], s => s.ImageStored("projects/elsewhere/image.png", DateTimeOffset.UtcNow), CancellationToken.None);

        var start = await cluster.Exports.StartAsync(project.Id, cluster.Owner, new ExportSettings(false, ExportTransition.Cut, 24), CancellationToken.None);

        Assert.Equal(ExportStartStatus.Incomplete, start.Status);
        Assert.Equal([2, 3], start.Incomplete.Select(s => s.Number));
        Assert.Equal([AssetKind.Video, AssetKind.Audio], start.Incomplete[0].Missing);
        Assert.Equal([AssetKind.Image, AssetKind.Video, AssetKind.Audio], start.Incomplete[1].Missing);
        Assert.Equal(ids[1..], start.Incomplete.Select(s => s.SentenceId));
        Assert.Empty(await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None));
        Assert.Empty(await cluster.ExportViews.ListAsync(cluster.Owner, null, null, CancellationToken.None));
        Assert.Equal(ExportStartStatus.ProjectNotFound,
            (await cluster.Exports.StartAsync(project.Id, Guid.NewGuid(), new ExportSettings(false, ExportTransition.Cut, 24), CancellationToken.None)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cancel_RunningExport_StopsItAndLeavesNoFile(string provider)
    {
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", backends.Cpu("cpu-a"));
        var project = await cluster.ImportAsync("A long first scene. A long second scene.");
        foreach (var sentence in project.Sentences)
            await SceneAssets.GiveAsync(cluster, project.Id, sentence.Id, clipSeconds: 1, narrationSeconds: 120);
        var start = await cluster.Exports.StartAsync(project.Id, cluster.Owner, new ExportSettings(true, ExportTransition.Crossfade, 30), CancellationToken.None);
        await QueueCluster.WaitUntilAsync(async () => (await cluster.ExportViews.GetAsync(start.ExportId, cluster.Owner, CancellationToken.None))!.Progress > 0,
            Render, "the export to make progress");

        await cluster.Scheduler.CancelAsync(start.JobId, CancellationToken.None);
        await cluster.WaitForJobAsync(start.JobId, JobStatus.Cancelled, TimeSpan.FromSeconds(5));

        var export = (await cluster.ExportViews.GetAsync(start.ExportId, cluster.Owner, CancellationToken.None))!;
        Assert.Equal((JobStatus.Cancelled, null, null, null), (export.Status, export.File, export.Thumbnail, export.SubtitlesFile));
        var folder = cluster.Media.DirectoryFor(project.Id, null);
        Assert.Empty(Directory.GetFiles(folder));
    }
}
