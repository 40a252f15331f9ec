using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Scenes;
using VideoGen.Silo.Lanes;
using VideoGen.TestSupport.Cluster;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Bench.Figures;

/// <summary>
/// P1: on an idle system, from the start of "regenerate this image" to the fake ComfyUI
/// receiving <c>POST /prompt</c>, the way the studio does it: the scene's grain queues the job
/// and calls the device grain, which wakes its idle lane. One in-process Orleans silo that
/// declares the ComfyUI device (and its CPU device), so every grain call stays in the process.
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
        await using var cluster = await DeviceCluster.StartAsync(new Dictionary<string, DeviceSpec[]>
        {
            ["Silo_0"] = [backends.ComfyUi("gpu-0", fake.BaseUrl), QueueCluster.CpuDevice("cpu-0", new ScriptedBackend("cpu-0/cpu"))],
        }, engine, new QueueTimings());
        var project = await cluster.ImportAsync(samples + Warmup);

        var latencies = new List<double>();
        foreach (var (sentence, i) in project.Sentences.Select((s, i) => (s, i)))
        {
            // Idle between samples: the lane waits to be woken, not busy polling.
            await Task.Delay(30);
            var before = fake.Prompts.Count;
            var enqueued = DateTimeOffset.UtcNow;
            var asked = await cluster.Client.GetGrain<ISentenceGrain>(sentence.Id).RegenerateImage(Guid.NewGuid(), null, skipVideo: true);
            await fake.WaitUntilAsync(f => f.Prompts.Count > before, TimeSpan.FromSeconds(10));
            var received = fake.Prompts[before].ReceivedAt;
            await cluster.WaitForJobAsync(asked.JobId ?? throw new InvalidOperationException("The scene's grain queued no image."), JobStatus.Succeeded);
            if (i >= Warmup) latencies.Add((received - enqueued).TotalMilliseconds);
        }
        return latencies;
    }
}
