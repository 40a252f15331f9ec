using System.Diagnostics;
using System.Text.Json.Nodes;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport.Cluster;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Bench.Figures;

/// <summary>
/// P7: a 2 s image job through the studio (enqueue → claim → ComfyUI → stored output) against
/// the same workflow submitted straight to the same fake ComfyUI by a minimal client, taken in
/// turns. The overhead is the difference of the medians, as a share of the job's length.
/// </summary>
public sealed class DirectOverhead(bool quick) : IFigure
{
    private static readonly TimeSpan JobLength = TimeSpan.FromSeconds(2);

    public string Id => "P7";

    public async Task<IReadOnlyList<Measurement>> RunAsync(string engine)
    {
        var pairs = quick ? 3 : 10;
        await using var fake = await FakeComfyUi.StartAsync();
        fake.JobDuration = JobLength;
        fake.ProgressSteps = 20;
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(engine, new QueueTimings());
        await cluster.StartSiloAsync("bench", backends.ComfyUi("gpu-0", fake.BaseUrl));
        var project = await cluster.ImportAsync(QueueCluster.Script(pairs));
        using var direct = new DirectComfyUi(fake.BaseUrl);

        var studio = new List<double>();
        var straight = new List<double>();
        foreach (var sentence in project.Sentences)
        {
            var start = DateTimeOffset.UtcNow;
            var job = (await cluster.Scheduler.RegenerateImageAsync(sentence.Id, null, skipVideo: true, CancellationToken.None)).Value!;
            var done = await cluster.WaitForJobAsync(job.Id, JobStatus.Succeeded, TimeSpan.FromSeconds(30));
            studio.Add((done.FinishedAt!.Value - start).TotalMilliseconds);

            // The studio's own graph, with a new seed so ComfyUI's cache cannot skip the sampler.
            var graph = WithNewSeed(fake.Prompts[^1].Graph);
            var clock = Stopwatch.StartNew();
            await direct.RunAsync(graph, CancellationToken.None);
            straight.Add(clock.Elapsed.TotalMilliseconds);
        }

        var overhead = Stats.Median(studio) - Stats.Median(straight);
        return
        [
            Measurement.Of(Id, "2 s job through the studio, median (ms)", "", engine, Stats.Median(studio), "0"),
            Measurement.Of(Id, "2 s job straight to ComfyUI, median (ms)", "", engine, Stats.Median(straight), "0"),
            Measurement.Of(Id, "overhead ÷ job length", "≤ 2 %", engine, overhead / JobLength.TotalMilliseconds * 100, "0.00' %'"),
        ];
    }

    private static JsonObject WithNewSeed(JsonObject graph)
    {
        var copy = (JsonObject)graph.DeepClone();
        foreach (var (_, node) in copy)
        {
            if (node?["inputs"] is not JsonObject inputs) continue;
            foreach (var name in new[] { "seed", "noise_seed" })
                if (inputs[name] is JsonValue) inputs[name] = Random.Shared.NextInt64(1, 1L << 48);
        }
        return copy;
    }
}
