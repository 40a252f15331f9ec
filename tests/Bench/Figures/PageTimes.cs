using System.Diagnostics;
using System.Net.Http.Json;
using VideoGen.Bench.Web;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Bench.Figures;

/// <summary>
/// P5: a project of 1 000 sentences (imported through the API). The creator's storyboard page
/// (<c>GET /Projects/{id}</c> with the login cookie, the whole HTML read) and a sentence edit
/// (<c>PUT /api/v1/sentences/{id}</c> with a bearer token, a new image prompt each time, on
/// sentences picked at random), timed at the client after a warm-up, one request at a time.
/// </summary>
public sealed class PageTimes(bool quick) : IFigure
{
    private const int Sentences = 1_000;
    private const int Warmup = 5;

    public string Id => "P5";

    public async Task<IReadOnlyList<Measurement>> RunAsync(string engine)
    {
        var renders = quick ? 10 : 40;
        var edits = quick ? 50 : 300;
        await using var studio = await BenchStudio.StartAsync(engine);
        var (projectId, sentences) = await studio.CreateProjectAsync(QueueCluster.Script(Sentences));
        if (sentences.Count != Sentences) throw new InvalidOperationException($"The script imported as {sentences.Count} sentences, not {Sentences}.");

        var page = await TimeAsync(renders, async _ =>
        {
            using var response = await studio.Browser.GetAsync($"/Projects/{projectId}");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        });
        var random = new Random(42);
        var put = await TimeAsync(edits, async i =>
        {
            var sentence = sentences[random.Next(sentences.Count)];
            using var response = await studio.Api.PutAsJsonAsync($"/api/v1/sentences/{sentence}", new { imagePrompt = $"A quiet harbour at dawn, take {i}" });
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        });

        var shape = $"{Sentences:N0} sentences";
        return
        [
            Measurement.Of(Id, $"storyboard page render p50 (ms), {shape}", "< 150 ms", engine, Stats.Median(page), "0.0"),
            Measurement.Of(Id, $"storyboard page render p99 (ms), {shape}", "", engine, Stats.Percentile(page, 99), "0.0"),
            Measurement.Of(Id, $"sentence PUT p50 (ms), {shape}", "< 10 ms", engine, Stats.Median(put), "0.0"),
            Measurement.Of(Id, $"sentence PUT p99 (ms), {shape}", "", engine, Stats.Percentile(put, 99), "0.0"),
        ];
    }

    /// <summary>Runs <paramref name="request"/> <see cref="Warmup"/> times untimed, then <paramref name="count"/> times timed (ms each).</summary>
    private static async Task<List<double>> TimeAsync(int count, Func<int, Task> request)
    {
        var times = new List<double>();
        for (var i = 0; i < Warmup + count; i++)
        {
            var clock = Stopwatch.StartNew();
            await request(i);
            if (i >= Warmup) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }
}
