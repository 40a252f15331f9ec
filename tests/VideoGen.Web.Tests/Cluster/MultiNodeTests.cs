using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Cluster;

/// <summary>
/// Two web nodes (no in-process silo) and three silos on one store, each with its own
/// connections as separate processes would have: logins work on every node, and a page on one
/// node follows work requested on the other and run by the silos.
/// </summary>
public sealed class MultiNodeTests
{
    private const int Scenes = 6;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BulkRun_RequestedOnNodeB_IsFollowedToTheEndOnNodeA(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        await using var nodeA = new StudioFactory(cluster.Database);
        await using var nodeB = new StudioFactory(cluster.Database);
        using var clientA = await nodeA.BearerClientAsync("creator@example.test");
        using var clientB = nodeB.CreateClient();
        clientB.DefaultRequestHeaders.Authorization = clientA.DefaultRequestHeaders.Authorization;
        foreach (var name in new[] { "a", "b", "c" })
            await cluster.StartSiloAsync(name, QueueCluster.Device($"gpu-{name}", new ScriptedBackend($"{name}/image"), new ScriptedBackend($"{name}/video")),
                QueueCluster.CpuDevice($"cpu-{name}", new ScriptedBackend($"{name}/cpu")));

        // The token node A issued is accepted by node B: both read the key ring from the store.
        var created = await clientB.PostAsJsonAsync("/api/v1/projects", new { name = "Tides", script = QueueCluster.Script(Scenes) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var projectId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = await SseClient.OpenAsync(clientA, $"/api/v1/projects/{projectId}/events", timeout.Token);
        var batch = await clientB.PostAsync($"/api/v1/projects/{projectId}/generate-scenes", null, timeout.Token);
        Assert.Equal(HttpStatusCode.Accepted, batch.StatusCode);

        var statuses = new Dictionary<string, string>();
        // Narration, image and clip for every scene.
        while (statuses.Count < Scenes * 3 || statuses.Values.Any(s => s != "succeeded"))
        {
            using var job = JsonDocument.Parse(await stream.NextAsync("job", timeout.Token));
            statuses[job.RootElement.GetProperty("jobId").GetString()!] = job.RootElement.GetProperty("status").GetString()!;
        }

        // Web nodes with Silo:Enabled=false drive nothing: the only devices are the silos'.
        Assert.Equal(["cpu-a", "cpu-b", "cpu-c", "gpu-a", "gpu-b", "gpu-c"], (await cluster.Registry.ListAsync(CancellationToken.None)).Select(d => d.Name));
        var progress = await clientA.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{projectId}/progress");
        Assert.Equal((Scenes, Scenes, 0), (progress.GetProperty("total").GetInt32(), progress.GetProperty("done").GetInt32(), progress.GetProperty("failed").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoginCookie_IssuedByNodeA_IsAcceptedByNodeB(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var nodeA = new StudioFactory(db);
        await using var nodeB = new StudioFactory(db);
        var cookies = new CookieContainer();
        using var browserA = nodeA.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var browserB = nodeB.CreateDefaultClient(new CookieContainerHandler(cookies));

        Assert.Equal(HttpStatusCode.Redirect, (await browserA.RegisterAsync("creator@example.test")).StatusCode);
        var profile = await browserB.GetAsync("/Profile");

        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("creator@example.test", await profile.Content.ReadAsStringAsync());
    }
}
