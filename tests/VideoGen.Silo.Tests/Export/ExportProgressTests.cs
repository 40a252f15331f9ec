using System.Text.RegularExpressions;
using VideoGen.Grains.Domain;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Export;

/// <summary>ffmpeg's progress through FFMpegCore reaches the export's job while it encodes.</summary>
public sealed partial class ExportProgressTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_WhileEncoding_TheJobShowsTheFrameFfmpegIsAt(string provider)
    {
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(provider);
        await cluster.StartSiloAsync("a", backends.Cpu("cpu-a"));
        var project = await cluster.ImportAsync("A long first scene. A long second scene.");
        foreach (var sentence in project.Sentences)
            await SceneAssets.GiveAsync(cluster, project.Id, sentence.Id, clipSeconds: 1, narrationSeconds: 60);
        var start = await cluster.Exports.StartAsync(project.Id, cluster.Owner, new ExportSettings(false, ExportTransition.Cut, 30), CancellationToken.None);

        // Only ffmpeg's statistics move an export between "encoding frame 0" and the thumbnail's 0.95.
        await QueueCluster.WaitUntilAsync(async () =>
            {
                var job = (await cluster.Jobs.GetAsync(start.JobId, CancellationToken.None))!;
                return job.Progress is > 0 and < 0.95 && Encoding().Match(job.Step ?? "") is { Success: true } m && int.Parse(m.Groups[1].Value) > 0;
            },
            TimeSpan.FromSeconds(60), "the job to show ffmpeg's progress");
        var export = (await cluster.ExportViews.GetAsync(start.ExportId, cluster.Owner, CancellationToken.None))!;
        Assert.InRange(export.Progress, double.Epsilon, 0.95);

        await cluster.Scheduler.CancelAsync(start.JobId, CancellationToken.None);
        await cluster.WaitForJobAsync(start.JobId, JobStatus.Cancelled, TimeSpan.FromSeconds(5));
    }

    [GeneratedRegex(@"^encoding frame (\d+)/3600$")]
    private static partial Regex Encoding();
}
