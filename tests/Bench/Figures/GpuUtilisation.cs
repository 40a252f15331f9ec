using System.Globalization;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Bench.Figures;

/// <summary>
/// P2: N devices (1, 4, 16; silos of up to four devices), each lane a scripted backend that
/// takes a fixed time, and M = N × k image jobs queued one by one as a creator would: the
/// makespan from the first enqueue to the last stored output, divided by the physical limit
/// k × job length.
/// </summary>
public sealed class GpuUtilisation(bool quick) : IFigure
{
    public string Id => "P2";

    public async Task<IReadOnlyList<Measurement>> RunAsync(string engine)
    {
        var perDevice = quick ? 4 : 10;
        var length = TimeSpan.FromMilliseconds(quick ? 250 : 1000);
        var results = new List<Measurement>();
        foreach (var devices in new[] { 1, 4, 16 })
        {
            var ratio = await MeasureAsync(engine, devices, perDevice, length);
            var measure = string.Create(CultureInfo.InvariantCulture, $"makespan ÷ ideal, N = {devices}, M = {devices * perDevice} × {length.TotalSeconds:0.##} s");
            results.Add(Measurement.Of(Id, measure, "≤ 1.02", engine, ratio, "0.000"));
        }
        return results;
    }

    private static async Task<double> MeasureAsync(string engine, int devices, int perDevice, TimeSpan length)
    {
        await using var cluster = await TestCluster.StartAsync(engine, new QueueTimings());
        var specs = Enumerable.Range(0, devices).Select(d => TestCluster.Device($"gpu-{d}",
            new ScriptedBackend($"gpu-{d}/image") { Duration = length },
            new ScriptedBackend($"gpu-{d}/video") { Duration = length })).ToArray();
        foreach (var (box, i) in specs.Chunk(4).Select((box, i) => (box, i))) await cluster.StartSiloAsync($"box{i}", box);
        var project = await cluster.ImportAsync(TestCluster.Script(devices * perDevice));

        var start = DateTimeOffset.UtcNow;
        foreach (var sentence in project.Sentences)
            await cluster.Scheduler.RegenerateImageAsync(sentence.Id, null, skipVideo: true, CancellationToken.None);
        await BenchStore.WaitForSucceededAsync(cluster.Database, devices * perDevice, length * perDevice * 3 + TimeSpan.FromSeconds(30));
        var makespan = await BenchStore.MakespanAsync(cluster.Database, start);
        return makespan / (perDevice * length.TotalMilliseconds);
    }
}
