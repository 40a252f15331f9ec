using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VideoGen.Bench.Web;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Bench.Figures;

/// <summary>
/// P4: 100 pages follow one project's live stream while a lane reports progress for a running
/// job through the queue, as lanes do. Per report, the time from the write's commit (the
/// lane's call returning) to each page reading the event that shows it: on the storyboard
/// page's stream (the HTML fragments a browser swaps in) and on the JSON event stream. Once
/// with the lane in the web node's silo and, on PostgreSQL, once with the lane on a second silo
/// of the cluster with its own connections, as a GPU box's would be: its commits reach the web
/// node's pages over the project's Orleans stream.
/// </summary>
public sealed class SseLatency(bool quick) : IFigure
{
    private const int Pages = 100;
    private const int Warmup = 5;
    private const string Silo = "bench";
    private const string Goal = "p99 < 50 ms";
    private static readonly GpuDevice Device = new("bench-gpu", DeviceKind.ComfyUi, [Lane.Image, Lane.Video]);

    public string Id => "P4";

    public async Task<IReadOnlyList<Measurement>> RunAsync(string engine)
    {
        var samples = quick ? 20 : 100;
        await using var studio = await BenchStudio.StartAsync(engine);
        var (projectId, sentences) = await studio.CreateProjectAsync(QueueCluster.Script(10));
        var storyboard = $"/Projects/{projectId}?handler=Stream";
        var events = $"/api/v1/projects/{projectId}/events";
        var inProcess = studio.Services.GetRequiredService<IJobQueue>();

        var results = new List<Measurement>();
        void Report(string stream, string lane, IReadOnlyCollection<double> latencies)
        {
            results.Add(Measurement.Of(Id, $"progress → {stream} p50 (ms), {Pages} pages, {lane}", "", engine, Stats.Median(latencies), "0.0"));
            results.Add(Measurement.Of(Id, $"progress → {stream} p99 (ms), {Pages} pages, {lane}", Goal, engine, Stats.Percentile(latencies, 99), "0.0"));
        }
        Report("storyboard stream", "lane in process", await MeasureAsync(studio, inProcess, sentences[0], studio.Browser, storyboard, StoryboardShows, samples));
        Report("JSON events", "lane in process", await MeasureAsync(studio, inProcess, sentences[1], studio.Api, events, EventsShow, samples));
        if (engine == "postgres")
        {
            var elsewhere = studio.StartSecondSilo().GetRequiredService<IJobQueue>();
            Report("storyboard stream", "lane on another silo", await MeasureAsync(studio, elsewhere, sentences[2], studio.Browser, storyboard, StoryboardShows, samples));
        }
        else
        {
            results.Add(new Measurement(Id, $"progress → storyboard stream p50 (ms), {Pages} pages, lane on another silo", "", engine, "n/a (one process)"));
            results.Add(new Measurement(Id, $"progress → storyboard stream p99 (ms), {Pages} pages, lane on another silo", Goal, engine, "n/a (one process)"));
        }
        return results;
    }

    /// <summary>Report <paramref name="sample"/> makes the scene's live fragment say "generating image N%".</summary>
    private static bool StoryboardShows(int sample, string name, string data) =>
        name.StartsWith("live-", StringComparison.Ordinal) && data.Contains($"generating image {Percent(sample)}%", StringComparison.Ordinal);

    /// <summary>Report <paramref name="sample"/> is a <c>progress</c> event carrying its step.</summary>
    private static bool EventsShow(int sample, string name, string data) =>
        name == "progress" && data.Contains($"\"{Step(sample)}\"", StringComparison.Ordinal);

    /// <summary>Consecutive reports differ in their percentage, so a page cannot mistake one for the one before.</summary>
    private static int Percent(int sample) => sample % 98 + 1;

    private static string Step(int sample) => string.Create(CultureInfo.InvariantCulture, $"tick {sample}");

    private static async Task<List<double>> MeasureAsync(BenchStudio studio, IJobQueue lane, Guid sentenceId, HttpClient client, string url,
        Func<int, string, string, bool> shows, int samples)
    {
        var scheduler = studio.Services.GetRequiredService<JobScheduler>();
        await studio.Services.GetRequiredService<DeviceRegistry>().HeartbeatAsync(Device, Silo, answering: true, CancellationToken.None);
        var job = (await scheduler.RegenerateImageAsync(sentenceId, null, skipVideo: true, CancellationToken.None)).Value!;
        var claimed = await lane.ClaimAsync(Device.Name, Lane.Image, Silo, CancellationToken.None)
            ?? throw new InvalidOperationException("The benchmark's lane could not claim its job.");
        if (claimed.Job.Id != job.Id) throw new InvalidOperationException("The benchmark's lane claimed another job than its own.");

        using var stop = new CancellationTokenSource();
        var pages = new List<SseClient>();
        try
        {
            for (var p = 0; p < Pages; p++) pages.Add(await SseClient.OpenAsync(client, url, stop.Token));
            var latencies = new List<double>();
            for (var i = 0; i < samples + Warmup; i++)
            {
                await lane.RenewAsync(job.Id, claimed.Token, CancellationToken.None);
                // Idle between reports, as a lane's progress is throttled: every page has read everything.
                await Task.Delay(50);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                var sample = i;
                var seen = pages.Select(page => SeenAsync(page, (name, data) => shows(sample, name, data), timeout.Token)).ToArray();
                if (!await lane.ReportProgressAsync(job.Id, claimed.Token, Percent(i) / 100.0, Step(i), CancellationToken.None))
                    throw new InvalidOperationException("The benchmark's progress report was refused.");
                var committed = Stopwatch.GetTimestamp();
                var received = await Task.WhenAll(seen);
                if (i >= Warmup) latencies.AddRange(received.Select(r => Stopwatch.GetElapsedTime(committed, r).TotalMilliseconds));
            }
            return latencies;
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var page in pages) page.Dispose();
            await lane.CompleteAsync(job.Id, claimed.Token, new JobOutput($"bench/{job.Id:N}.png"), CancellationToken.None);
        }
    }

    /// <summary>Reads the page's stream until the event <paramref name="shows"/> picks; the moment it was read.</summary>
    private static async Task<long> SeenAsync(SseClient page, Func<string, string, bool> shows, CancellationToken ct)
    {
        await page.NextAsync(shows, ct);
        return Stopwatch.GetTimestamp();
    }
}
