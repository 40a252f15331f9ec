using System.Diagnostics;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Bench.Figures;

/// <summary>
/// P6: the queue alone. "Generate all" queues one clip job per scene over many projects; then
/// several lane workers (each the video lane of its own device) claim and complete no-op jobs
/// as fast as the store lets them, through the real claim and completion transactions (scene
/// status, events, device counters). Reports jobs per second for the burn-down, and for the
/// enqueue that preceded it.
/// </summary>
public sealed class QueueBurnDown(bool quick) : IFigure
{
    private const int ScenesPerProject = 2_000;
    private const int Workers = 8;
    private const string Silo = "bench";

    public string Id => "P6";

    public async Task<IReadOnlyList<Measurement>> RunAsync(string engine)
    {
        var jobs = quick ? 10_000 : 100_000;
        await using var cluster = await QueueCluster.StartAsync(engine, new QueueTimings());
        for (var p = 0; p < jobs / ScenesPerProject; p++) await cluster.ImportAsync(QueueCluster.Script(ScenesPerProject));
        await BenchStore.GiveEverySceneImageAndNarrationAsync(cluster.Database, cluster.Media);
        var projects = (await cluster.Projects.ListAsync(cluster.Owner, CancellationToken.None)).Select(p => p.Id).ToArray();

        var enqueue = Stopwatch.StartNew();
        var queued = 0;
        foreach (var project in projects) queued += (await cluster.Scheduler.GenerateAllAsync(project, CancellationToken.None))!.Total;
        enqueue.Stop();

        var devices = Enumerable.Range(0, Workers).Select(w => new GpuDevice($"burn-{w}", DeviceKind.ComfyUi, [Lane.Video])).ToArray();
        foreach (var device in devices) await cluster.Registry.HeartbeatAsync(device, Silo, answering: true, CancellationToken.None);
        using var stopHeartbeat = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(cluster, devices, stopHeartbeat.Token);
        var queue = cluster.NewQueue();
        var burn = Stopwatch.StartNew();
        var done = await Task.WhenAll(devices.Select(d => Task.Run(() => WorkAsync(queue, d.Name))));
        burn.Stop();
        await stopHeartbeat.CancelAsync();
        await heartbeat;

        var completed = done.Sum();
        if (completed != queued) throw new InvalidOperationException($"{queued} jobs queued, {completed} completed.");
        var shape = $"{completed:N0} jobs, {Workers} lane workers";
        return
        [
            Measurement.Of(Id, $"claim+complete burn-down (jobs/s), {shape}", "≥ 2 000/s (PostgreSQL)", engine, completed / burn.Elapsed.TotalSeconds, "N0"),
            Measurement.Of(Id, $"\"generate all\" enqueue (jobs/s), {shape}", "", engine, queued / enqueue.Elapsed.TotalSeconds, "N0"),
        ];
    }

    private static async Task<int> WorkAsync(JobQueue queue, string device)
    {
        var completed = 0;
        while (await queue.ClaimAsync(device, Lane.Video, Silo, CancellationToken.None) is { } claimed)
        {
            var stored = await queue.CompleteAsync(claimed.Job.Id, claimed.Token, new JobOutput($"bench/{claimed.Job.Id:N}.mp4"), CancellationToken.None);
            if (!stored.Accepted) throw new InvalidOperationException($"Job {claimed.Job.Id} lost its claim during the benchmark.");
            completed++;
        }
        return completed;
    }

    private static async Task HeartbeatAsync(QueueCluster cluster, IReadOnlyList<GpuDevice> devices, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(cluster.Timings.Heartbeat, stop); }
            catch (OperationCanceledException) { return; }
            foreach (var device in devices) await cluster.Registry.HeartbeatAsync(device, Silo, answering: true, CancellationToken.None);
        }
    }
}
