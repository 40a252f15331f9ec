using System.Globalization;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport.Cluster;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Bench.Figures;

/// <summary>
/// P3: "generate all" for S scenes on one device whose image lane and video lane each drive
/// their own fake ComfyUI, with image and clip taking the same time. The makespan is divided
/// by the strictly sequential one: the same image and clip jobs' own run times (claim to
/// stored output) laid end to end. The best pipelining can do is (S + 1) ÷ 2S. "Generate all"
/// also narrates every scene on the silo's CPU lane, and a clip waits for its narration; the
/// narration here takes next to no time, so the figure is the GPU's two lanes, and its jobs
/// are not part of either makespan. How long each lane's GPU stood idle between two of its
/// prompts is read from the fakes.
/// </summary>
public sealed class Pipelining(bool quick) : IFigure
{
    private const int Scenes = 20;

    public string Id => "P3";

    public async Task<IReadOnlyList<Measurement>> RunAsync(string engine)
    {
        var length = TimeSpan.FromMilliseconds(quick ? 150 : 1000);
        await using var images = await FakeComfyUi.StartAsync();
        await using var clips = await FakeComfyUi.StartAsync();
        foreach (var fake in new[] { images, clips })
        {
            fake.JobDuration = length;
            fake.SendPreviews = false;
        }
        await using var backends = new RealBackends();
        await using var cluster = await QueueCluster.StartAsync(engine, new QueueTimings());
        var narration = new ScriptedBackend("cpu/narration") { Duration = TimeSpan.Zero, Steps = 1 };
        await cluster.StartSiloAsync("bench", backends.ComfyUi("gpu-0", images.BaseUrl, clips.BaseUrl), QueueCluster.CpuDevice("cpu", narration));
        var project = await cluster.ImportAsync(QueueCluster.Script(Scenes));

        var start = DateTimeOffset.UtcNow;
        await cluster.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None);
        await BenchStore.WaitForSucceededAsync(cluster.Database, 3 * Scenes, length * Scenes * 4 + TimeSpan.FromSeconds(30));
        var makespan = await BenchStore.MakespanAsync(cluster.Database, start);
        var sequential = (await BenchStore.GpuJobTimesAsync(cluster.Database)).Sum(t => (double)(t.FinishedAt - t.StartedAt));

        // Between two prompts of one lane the GPU waits for whatever the lane does between them.
        var idle = new[] { images, clips }.SelectMany(f => f.IdleGaps).Select(gap => gap.TotalMilliseconds).ToArray();

        var shape = string.Create(CultureInfo.InvariantCulture, $"S = {Scenes}, image = clip = {length.TotalSeconds:0.##} s");
        return
        [
            Measurement.Of(Id, $"makespan ÷ sequential, {shape}", "≤ 0.55", engine, makespan / sequential, "0.000"),
            Measurement.Of(Id, $"best possible (S + 1) ÷ 2S, {shape}", "", engine, (Scenes + 1) / (2.0 * Scenes), "0.000"),
            Measurement.Of(Id, $"GPU idle between two prompts of a lane, median (ms), {shape}", "", engine, Stats.Median(idle), "0.0"),
        ];
    }
}
