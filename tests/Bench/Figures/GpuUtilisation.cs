using System.Globalization;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Projects;
using VideoGen.Silo.Lanes;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Bench.Figures;

/// <summary>
/// P2: N devices (1, 4, 16; in-process Orleans silos of up to four devices each, with their CPU
/// device), each lane a scripted backend that takes a fixed time and, as a ComfyUI lane does,
/// has its next job claimed while it runs and its output stored while the next runs (the work is
/// the whole turn at the device); and "generate all", asked of
/// the project's grain, over M = N × k scenes that have their image, so M clips are queued in one
/// transaction and the device grains wake their lanes: the makespan from the request to the last
/// stored clip, divided by the physical limit k × job length.
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
        var silos = Enumerable.Range(0, devices).Select(d => QueueCluster.Device($"gpu-{d}",
                new ScriptedBackend($"gpu-{d}/image") { Duration = length, Steps = 1, PreparesAhead = true },
                new ScriptedBackend($"gpu-{d}/video") { Duration = length, Steps = 1, PreparesAhead = true }))
            .Chunk(4)
            .Select((box, i) => (Name: $"Silo_{i}", Devices: box.Append(QueueCluster.CpuDevice($"cpu-{i}", new ScriptedBackend($"cpu-{i}/cpu"))).ToArray()))
            .ToDictionary(s => s.Name, s => s.Devices);
        await using var cluster = await DeviceCluster.StartAsync(silos, engine, new QueueTimings());
        var project = await cluster.ImportAsync(devices * perDevice);
        await BenchStore.GiveEverySceneImageAndNarrationAsync(cluster.Database, new MediaFiles(cluster.MediaRoot));

        var start = DateTimeOffset.UtcNow;
        await cluster.Client.GetGrain<IProjectGrain>(project.Id).GenerateAll(Guid.NewGuid());
        await BenchStore.WaitForSucceededAsync(cluster.Database, devices * perDevice, length * perDevice * 3 + TimeSpan.FromSeconds(30));
        var kinds = (await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None)).Select(j => j.Kind).Distinct().ToArray();
        if (kinds is not [JobKind.Video]) throw new InvalidOperationException($"Generate all queued {string.Join(", ", kinds)} jobs; only clips were expected.");
        return await BenchStore.MakespanAsync(cluster.Database, start);
    }
}
