using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Processes;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Cluster;

/// <summary>
/// Live pages with real processes on PostgreSQL: a web node (no devices) and GPU silos (preview
/// devices), each its own process. Jobs run on the silos, whose lanes commit progress and outcomes
/// and publish them on the project's stream; the pages are SSE connections to the web node.
/// </summary>
public sealed class LiveStreamProcessTests
{
    private const string Email = "creator@example.test";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [PostgresFact]
    public async Task UpdateCommittedOnAGpuSilo_ReachesAPageOpenOnTheWebNode_OverTheStream()
    {
        await using var db = await TestDatabase.CreateMigratedAsync("postgres");
        var media = NewMedia();
        // No fallback poll on the web node: only the stream can bring the silo's updates.
        await using var web = HostProcess.Start("Web", "web-1", Settings(db, "web-1", media, new() { ["Silo:Enabled"] = "false", ["Live:FallbackPollMilliseconds"] = "600000" }));
        await using var gpu = HostProcess.Start("Silo", "gpu-1", GpuSettings(db, "gpu-1", media));
        using var client = await SignedInAsync(web, gpu);
        var (projectId, sentences) = await CreateProjectAsync(client, "One scene.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var page = await SseClient.OpenAsync(client, $"/api/v1/projects/{projectId}/events", timeout.Token);

        var jobId = await RegenerateImageAsync(client, sentences[0]);

        var seen = new List<string>();
        while (!seen.Contains("succeeded"))
        {
            using var job = JsonDocument.Parse(await page.NextAsync("job", timeout.Token));
            if (job.RootElement.GetProperty("jobId").GetGuid() == jobId) seen.Add(job.RootElement.GetProperty("status").GetString()!);
        }
        Assert.Equal(["queued", "running", "succeeded"], seen.Distinct());
        var job2 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
        Assert.Equal("preview-gpu-1", job2.GetProperty("device").GetString());
    }

    [PostgresFact]
    public async Task PublishingSiloKilledMidRun_EveryOpenPageEndsInTheFinalState_WithoutReconnecting()
    {
        const int Scenes = 4;
        const int Pages = 3;
        await using var db = await TestDatabase.CreateMigratedAsync("postgres");
        var media = NewMedia();
        await using var web = HostProcess.Start("Web", "web-1", Settings(db, "web-1", media, new() { ["Silo:Enabled"] = "false" }));
        await using var doomed = HostProcess.Start("Silo", "gpu-1", GpuSettings(db, "gpu-1", media));
        using var client = await SignedInAsync(web, doomed);
        var (projectId, sentences) = await CreateProjectAsync(client, string.Join(' ', Enumerable.Range(1, Scenes).Select(i => $"Scene {i}.")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var pages = new List<SseClient>();
        try
        {
            for (var i = 0; i < Pages; i++) pages.Add(await SseClient.OpenAsync(client, $"/api/v1/projects/{projectId}/events", timeout.Token));
            var jobs = new List<Guid>();
            foreach (var sentence in sentences) jobs.Add(await RegenerateImageAsync(client, sentence));

            // Killed while it runs the first job: its lanes' last commits may never be published.
            await pages[0].NextAsync((name, data) => name == "job" && data.Contains("\"running\"", StringComparison.Ordinal), timeout.Token);
            await doomed.KillAsync();
            await using var rescuer = HostProcess.Start("Silo", "gpu-2", GpuSettings(db, "gpu-2", media));

            foreach (var page in pages)
            {
                var finished = await FollowUntilAsync(page, jobs, timeout.Token);
                Assert.All(jobs, job => Assert.Equal("succeeded", finished[job]));
            }
            var head = (await new EventStore(db.Database).HeadsAsync([projectId], CancellationToken.None))[projectId];
            Assert.All(pages, page => Assert.Equal(head, page.LastId));
        }
        finally
        {
            foreach (var page in pages) page.Dispose();
        }
    }

    [PostgresFact]
    public async Task HundredOpenPagesOfOneProject_EachSeeEveryEventOnceInOrder()
    {
        const int Pages = 100;
        await using var db = await TestDatabase.CreateMigratedAsync("postgres");
        var media = NewMedia();
        // A hundred pages must not take a hundred of the server's connections (its default max_connections is 100).
        var webSettings = Settings(db, "web-1", media, new() { ["Silo:Enabled"] = "false" });
        webSettings["Store:ConnectionString"] = $"{db.ConnectionString};Maximum Pool Size=30";
        await using var web = HostProcess.Start("Web", "web-1", webSettings);
        await using var gpu = HostProcess.Start("Silo", "gpu-1", GpuSettings(db, "gpu-1", media));
        using var client = await SignedInAsync(web, gpu);
        var (projectId, sentences) = await CreateProjectAsync(client, "One. Two. Three.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var start = (await new EventStore(db.Database).HeadsAsync([projectId], CancellationToken.None)).GetValueOrDefault(projectId);
        var pages = new List<SseClient>();
        try
        {
            for (var i = 0; i < Pages; i++) pages.Add(await SseClient.OpenAsync(client, $"/api/v1/projects/{projectId}/events?after={start}", timeout.Token));
            var jobs = new List<Guid>();
            foreach (var sentence in sentences) jobs.Add(await RegenerateImageAsync(client, sentence));

            var received = await Task.WhenAll(pages.Select(async page =>
            {
                var ids = new List<long>();
                try
                {
                    var finished = await FollowUntilAsync(page, jobs, timeout.Token, ids);
                    return (Ids: ids, Finished: finished);
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    throw new InvalidOperationException($"A page's stream ended after {ids.Count} events:\n{web.Tail()}", e);
                }
            }));

            var logged = await new EventStore(db.Database).ReadProjectAsync(projectId, start, 10_000, CancellationToken.None);
            var expected = logged.Select(e => e.Sequence).TakeWhile(s => s <= received.Max(r => r.Ids[^1])).ToArray();
            Assert.All(received, r => Assert.Equal(expected.Take(r.Ids.Count), r.Ids));
            Assert.All(received, r => Assert.All(jobs, job => Assert.Equal("succeeded", r.Finished[job])));
        }
        finally
        {
            foreach (var page in pages) page.Dispose();
        }
    }

    /// <summary>Reads a page's events until every job in <paramref name="jobs"/> has succeeded or failed; the last status of each.</summary>
    private static async Task<Dictionary<Guid, string>> FollowUntilAsync(SseClient page, IReadOnlyCollection<Guid> jobs, CancellationToken ct, List<long>? ids = null)
    {
        var status = new Dictionary<Guid, string>();
        while (!jobs.All(j => status.GetValueOrDefault(j) is "succeeded" or "failed"))
        {
            var (name, data) = await page.NextAsync(ct);
            ids?.Add(page.LastId);
            if (name != "job") continue;
            using var job = JsonDocument.Parse(data);
            status[job.RootElement.GetProperty("jobId").GetGuid()] = job.RootElement.GetProperty("status").GetString()!;
        }
        return status;
    }

    private static async Task<HttpClient> SignedInAsync(HostProcess web, HostProcess silo)
    {
        await web.HealthyClusterAsync(StartTimeout);
        await silo.HealthyClusterAsync(StartTimeout);
        var client = new HttpClient { BaseAddress = web.Address, Timeout = TimeSpan.FromSeconds(150) };
        var tokens = await client.TokensAsync(Email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<(Guid ProjectId, Guid[] Sentences)> CreateProjectAsync(HttpClient client, string script)
    {
        var created = await client.PostAsJsonAsync("/api/v1/projects", new { name = "Tides", script });
        created.EnsureSuccessStatusCode();
        var project = await created.Content.ReadFromJsonAsync<JsonElement>();
        var sentences = project.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("sentences").EnumerateArray()).Select(s => s.GetProperty("id").GetGuid());
        return (project.GetProperty("id").GetGuid(), [.. sentences]);
    }

    private static async Task<Guid> RegenerateImageAsync(HttpClient client, Guid sentence)
    {
        var answer = await client.PostAsJsonAsync($"/api/v1/sentences/{sentence}/regenerate-image", new { skipVideo = true });
        answer.EnsureSuccessStatusCode();
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("jobId").GetGuid();
    }

    private static string NewMedia() => Path.Combine(Path.GetTempPath(), "videogen-tests", Guid.NewGuid().ToString("N"), "media");

    private static Dictionary<string, string?> GpuSettings(TestDatabase db, string name, string media) => Settings(db, name, media, new()
    {
        ["Devices:0:Name"] = $"preview-{name}",
        ["Devices:0:Kind"] = "preview",
    });

    private static Dictionary<string, string?> Settings(TestDatabase db, string name, string media, Dictionary<string, string?> extra) => new(extra)
    {
        ["Store:Provider"] = "postgres",
        ["Store:ConnectionString"] = db.ConnectionString,
        ["Media:Root"] = media,
        ["Silo:Name"] = name,
        ["Cluster:Id"] = "live-test",
        ["Logging:LogLevel:Default"] = "Warning",
    };
}
