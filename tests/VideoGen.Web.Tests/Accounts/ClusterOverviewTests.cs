using System.Net.Http.Json;
using System.Text.Json;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Web.Tests.Accounts;

/// <summary>
/// What the operator sees of the cluster: its silos from Orleans membership, the queues per lane
/// kind with when they drain at the devices' recent pace, and each lane's running job.
/// </summary>
public sealed class ClusterOverviewTests
{
    private const string Script = "One. Two. Three. Four. Five.";

    [Fact]
    public async Task Cluster_ForTheOperator_ShowsTheActiveSiloAndWhenEachQueueDrains()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db, new Dictionary<string, string?> { ["Silo:Name"] = "web-7" });
        using var admin = await factory.SignedInAsync("operator@example.test");
        var project = await db.ImportAsync(await db.UserIdAsync("operator@example.test"), script: Script);
        // gpu-fast took 2 s per image lately, gpu-slow 4 s: together 0.75 images a second.
        await db.RunImageJobAsync(project.Sentences.ElementAt(0).Id, "gpu-fast", DeviceKind.ComfyUi, TimeSpan.FromSeconds(2));
        await db.RunImageJobAsync(project.Sentences.ElementAt(1).Id, "gpu-slow", DeviceKind.ComfyUi, TimeSpan.FromSeconds(4));
        var scheduler = new JobScheduler(db.Database, NoLanes.Instance, TimeProvider.System);
        foreach (var sentence in project.Sentences.Skip(2))
            await scheduler.RegenerateImageAsync(sentence.Id, null, skipVideo: true, CancellationToken.None);
        using var bearer = await factory.BearerClientAsync("operator@example.test", alreadyRegistered: true);

        var cluster = await bearer.GetFromJsonAsync<JsonElement>("/api/v1/cluster");
        var devices = (await bearer.GetFromJsonAsync<JsonElement>("/api/v1/devices")).EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        var html = await admin.GetStringAsync("/Devices");

        var silo = Assert.Single(cluster.GetProperty("silos").EnumerateArray());
        Assert.Equal(("web-7", "active"), (silo.GetProperty("name").GetString(), silo.GetProperty("status").GetString()));
        Assert.Matches(@"^127\.0\.0\.1:\d+@\d+$", silo.GetProperty("address").GetString());
        // The silo answered for itself through its version service.
        Assert.False(string.IsNullOrWhiteSpace(silo.GetProperty("version").GetString()));
        Assert.InRange(silo.GetProperty("since").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow);
        var queues = cluster.GetProperty("queues").EnumerateArray().ToDictionary(q => q.GetProperty("lane").GetString()!);
        var image = queues["image"];
        Assert.Equal((3, 0, 2), (image.GetProperty("queued").GetInt32(), image.GetProperty("running").GetInt32(), image.GetProperty("devices").GetInt32()));
        Assert.Equal(4.0, image.GetProperty("drainSeconds").GetDouble(), precision: 3);
        Assert.Equal(0.0, queues["video"].GetProperty("drainSeconds").GetDouble());
        Assert.Equal(2.0, devices["gpu-fast"].GetProperty("lanes").GetProperty("image").GetProperty("recentJobSeconds").GetDouble(), precision: 3);
        Assert.True(devices["gpu-fast"].GetProperty("takesWork").GetBoolean());
        Assert.Equal(JsonValueKind.Null, devices["gpu-fast"].GetProperty("problem").ValueKind);
        Assert.Contains("web-7", html);
        Assert.Contains("data-testid=\"queue-image\"", html);
        Assert.Contains("<td>4 s</td>", html);
    }

    [Fact]
    public async Task Devices_LaneRunningAJob_ShowsTheJobsKindAttemptAndProgress()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var admin = await factory.SignedInAsync("operator@example.test");
        var project = await db.ImportAsync(await db.UserIdAsync("operator@example.test"));
        var device = new GpuDevice("gpu-0", DeviceKind.ComfyUi, GpuDevice.LanesOf(DeviceKind.ComfyUi));
        var timings = new QueueTimings();
        await new DeviceRegistry(db.Database, timings, TimeProvider.System).HeartbeatAsync(device, "box-a", answering: true, CancellationToken.None);
        var job = (await new JobScheduler(db.Database, NoLanes.Instance, TimeProvider.System)
            .RegenerateImageAsync(project.Sentences.ElementAt(0).Id, null, skipVideo: true, CancellationToken.None)).Value!;
        var queue = new JobQueue(db.Database, NoLanes.Instance, timings, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<JobQueue>.Instance);
        var claimed = (await queue.ClaimAsync("gpu-0", Lane.Image, "box-a", CancellationToken.None))!;
        await queue.ReportProgressAsync(job.Id, claimed.Token, 0.5, "sampling", CancellationToken.None);
        using var bearer = await factory.BearerClientAsync("operator@example.test", alreadyRegistered: true);

        var lanes = Assert.Single((await bearer.GetFromJsonAsync<JsonElement>("/api/v1/devices")).EnumerateArray()).GetProperty("lanes");
        var html = await admin.GetStringAsync("/Devices");

        var image = lanes.GetProperty("image");
        Assert.Equal(job.Id, image.GetProperty("jobId").GetGuid());
        Assert.Equal(("image", 1, 0.5, "sampling"),
            (image.GetProperty("kind").GetString(), image.GetProperty("attempt").GetInt32(), image.GetProperty("progress").GetDouble(), image.GetProperty("step").GetString()));
        Assert.Equal(JsonValueKind.Null, lanes.GetProperty("video").GetProperty("jobId").ValueKind);
        Assert.Contains($"image job {job.Id}, 50% (sampling), attempt 1", html);
    }
}
