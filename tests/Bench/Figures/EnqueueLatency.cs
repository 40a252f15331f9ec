using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport.Cluster;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Bench.Figures;

/// <summary>
/// P1: on an idle system, from the start of "regenerate this image" to the fake ComfyUI
/// receiving <c>POST /prompt</c>, with the silo in the same process woken directly, as its device
/// grain would. (Across processes the wake is a grain call, which no figure measures yet.)
/// </summary>
public sealed class EnqueueLatency(bool quick) : IFigure
{
    private const int Warmup = 5;
    private const string Goal = "p99 < 20 ms";

    public string Id => "P1";

    public async Task<IReadOnlyList<Measurement>> RunAsync(string engine)
    {
        var samples = quick ? 40 : 200;
        var results = new List<Measurement>();
        var local = await MeasureAsync(engine, samples);
        results.Add(Measurement.Of(Id, "enqueue → /prompt p50 (ms), silo in process", "", engine, Stats.Median(local), "0.0"));
        results.Add(Measurement.Of(Id, "enqueue → /prompt p99 (ms), silo in process", Goal, engine, Stats.Percentile(local, 99), "0.0"));
        return results;
    }

    private static async Task<List<double>> MeasureAsync(string engine, int samples)
    {
        await using var fake = await FakeComfyUi.StartAsync();
        fake.JobDuration = TimeSpan.FromMilliseconds(5);
        fake.ProgressSteps = 1;
        fake.SendPreviews = false;
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(engine, new QueueTimings());
        var device = backends.ComfyUi("gpu-0", fake.BaseUrl);
        await cluster.StartSiloAsync("bench", device);
        var project = await cluster.ImportAsync(QueueCluster.Script(samples + Warmup));

        var latencies = new List<double>();
        foreach (var (sentence, i) in project.Sentences.Select((s, i) => (s, i)))
        {
            // Idle between samples: the lane waits to be woken, not busy polling.
            await Task.Delay(30);
            var before = fake.Prompts.Count;
            var enqueued = DateTimeOffset.UtcNow;
            var job = (await cluster.Scheduler.RegenerateImageAsync(sentence.Id, null, skipVideo: true, CancellationToken.None)).Value!;
            await fake.WaitUntilAsync(f => f.Prompts.Count > before, TimeSpan.FromSeconds(10));
            var received = fake.Prompts[before].ReceivedAt;
            await cluster.WaitForJobAsync(job.Id, JobStatus.Succeeded);
            if (i >= Warmup) latencies.Add((received - enqueued).TotalMilliseconds);
        }
        return latencies;
    }
}
