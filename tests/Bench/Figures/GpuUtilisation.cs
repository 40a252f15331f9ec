using System.Globalization;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Bench.Figures;

/// <summary>
/// P2: N devices (1, 4, 16; silos of up to four devices), each lane a scripted backend that
/// takes a fixed time, and "generate all" over M = N × k scenes that have their image, so M
/// clips are queued in one transaction: the makespan from the request to the last stored
/// clip, divided by the physical limit k × job length.
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
            var makespan = await MeasureAsync(engine, devices, perDevice, length);
            var ideal = perDevice * length.TotalMilliseconds;
            var shape = string.Create(CultureInfo.InvariantCulture, $"N = {devices}, M = {devices * perDevice} × {length.TotalSeconds:0.##} s");
            results.Add(Measurement.Of(Id, $"makespan ÷ ideal, {shape}", "≤ 1.02", engine, makespan / ideal, "0.000"));
            results.Add(Measurement.Of(Id, $"lost per job on a lane (ms), {shape}", "", engine, (makespan - ideal) / perDevice, "0"));
        }
        return results;
    }

    private static async Task<double> MeasureAsync(string engine, int devices, int perDevice, TimeSpan length)
    {
        await using var cluster = await QueueCluster.StartAsync(engine, new QueueTimings());
        var specs = Enumerable.Range(0, devices).Select(d => QueueCluster.Device($"gpu-{d}",
            new ScriptedBackend($"gpu-{d}/image") { Duration = length, Steps = 1 },
            new ScriptedBackend($"gpu-{d}/video") { Duration = length, Steps = 1 })).ToArray();
        foreach (var (box, i) in specs.Chunk(4).Select((box, i) => (box, i))) await cluster.StartSiloAsync($"box{i}", box);
        var project = await cluster.ImportAsync(QueueCluster.Script(devices * perDevice));
        await BenchStore.GiveEverySceneImageAndNarrationAsync(cluster.Database, cluster.Media);

        var start = DateTimeOffset.UtcNow;
        await cluster.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None);
        await BenchStore.WaitForSucceededAsync(cluster.Database, devices * perDevice, length * perDevice * 3 + TimeSpan.FromSeconds(30));
        return await BenchStore.MakespanAsync(cluster.Database, start);
    }
}
