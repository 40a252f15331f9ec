using Dapper;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.Web.Tests.Accounts;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Web.Tests;

public sealed class HostTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Health_OnAFreshDatabase_ReportsTheUpgradedStoreAndTheDevicesOfItsSiloOnly(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var withSilo = new StudioFactory(db, new Dictionary<string, string?> { ["Silo:Enabled"] = "true", ["Silo:Name"] = "web-1" });
        await using var webOnly = new StudioFactory(db);

        using var health = JsonDocument.Parse(await withSilo.CreateClient().GetStringAsync("/health"));
        using var webOnlyHealth = JsonDocument.Parse(await webOnly.CreateClient().GetStringAsync("/health"));

        Assert.Equal("healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(provider, health.RootElement.GetProperty("store").GetProperty("provider").GetString());
        Assert.Equal(db.Migrator().LatestVersion, health.RootElement.GetProperty("store").GetProperty("schemaVersion").GetInt32());
        Assert.Equal(["cpu-preview", "cpu-web-1"], health.RootElement.GetProperty("devices").EnumerateArray().Select(d => d.GetString()));
        var cluster = health.RootElement.GetProperty("cluster");
        Assert.Equal(("videogen", "active"), (cluster.GetProperty("id").GetString(), cluster.GetProperty("status").GetString()));
        Assert.StartsWith("127.0.0.1:", cluster.GetProperty("silo").GetString());
        Assert.NotEqual(cluster.GetProperty("silo").GetString(), webOnlyHealth.RootElement.GetProperty("cluster").GetProperty("silo").GetString());
        if (provider == "postgres")
        {
            // Both nodes joined one cluster through the membership table on their store.
            var active = await db.Database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM orleans_membership WHERE cluster_id = 'videogen' AND status = 3"), CancellationToken.None);
            Assert.Equal(2, active);
        }
        Assert.Equal("healthy", webOnlyHealth.RootElement.GetProperty("status").GetString());
        Assert.Empty(webOnlyHealth.RootElement.GetProperty("devices").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Start_WithTheInProcessSilo_RendersOnTheDefaultPreviewDevice(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db, new Dictionary<string, string?> { ["Silo:Enabled"] = "true", ["Silo:Name"] = "web-1" });
        using var client = factory.CreateClient();
        var owner = await TestAccounts.InsertAsync(db.Database, "creator@example.com");
        var project = await db.ImportAsync(owner, script: "The tide rolls in.");
        var scheduler = new JobScheduler(db.Database, NoLanes.Instance, TimeProvider.System);

        var job = (await scheduler.RegenerateImageAsync(project.Sentences.Single().Id, 3, skipVideo: true, CancellationToken.None)).Value!;

        var jobs = new JobReader(db.Database);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await jobs.GetAsync(job.Id, CancellationToken.None))!.Status != JobStatus.Succeeded && DateTime.UtcNow < deadline) await Task.Delay(50);
        var finished = (await jobs.GetAsync(job.Id, CancellationToken.None))!;
        Assert.Equal((JobStatus.Succeeded, "cpu-preview"), (finished.Status, finished.Device));
        var devices = await new DeviceRegistry(db.Database, new QueueTimings(), TimeProvider.System).ListAsync(CancellationToken.None);
        Assert.Equal(["cpu-preview", "cpu-web-1"], devices.Select(d => d.Name));
        Assert.Equal((DeviceKind.Preview, DeviceStatus.Online), (devices[0].Kind, devices[0].Status));
        Assert.Equal((DeviceKind.Cpu, DeviceStatus.Online), (devices[1].Kind, devices[1].Status));
        Assert.Equal([Lane.Cpu], devices[1].Lanes);
        // Claims name the silo by its operator's name and its membership address, so a death declaration finds them.
        Assert.All(devices, d => Assert.Matches(@"^web-1@127\.0\.0\.1:\d+@\d+$", d.Silo));
    }

    [Fact]
    public async Task Alive_Answers()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);

        Assert.Equal("alive", await factory.CreateClient().GetStringAsync("/alive"));
    }

    [Fact]
    public async Task Home_ListsStoredProjectsWithTheirNamesEscaped()
    {
        await using var db = await TestDatabase.CreateMigratedAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var client = await factory.SignedInAsync("maker@example.test");
        var project = Project.Import(await db.UserIdAsync("maker@example.test"), "<script>alert(1)</script> Tides", "The tide rolls in. Gulls cry.", AspectRatio.Portrait, null, DateTimeOffset.UtcNow).Value!;
        await new ProjectStore(db.Database, TimeProvider.System).CreateAsync(project, CancellationToken.None);

        var html = await client.GetStringAsync("/");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Tides", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("9:16", html);
        Assert.Contains("/lib/htmx.min.js", html);
    }

    [Fact]
    public async Task ClientLibraries_AreServed()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var client = factory.CreateClient();

        foreach (var path in new[] { "/lib/htmx.min.js", "/lib/sse.min.js", "/lib/pico.min.css" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, $"{path} is nearly empty");
        }
    }

    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "Store:Provider", "oracle", "Store:Provider must be 'sqlite' or 'postgres'" },
        { "Store:ConnectionString", "", "Store:ConnectionString is empty" },
        { "Store:ConnectionString", "Nonsense Key=1", "Store:ConnectionString is not a valid" },
        { "Media:Root", " ", "Media:Root is empty" },
        { "Devices:0:Kind", "tpu", "Devices:0:Kind must be 'comfyui' or 'preview'" },
        { "Devices:0:Url", "not a url", "Devices:0:Url must be the ComfyUI base URL" },
        { "Accounts:PricePerGpuSecond", "-0.5", "Accounts:PricePerGpuSecond must be zero or more" },
        { "Accounts:MaxFailedAccessAttempts", "0", "Accounts:MaxFailedAccessAttempts must be between 1 and 100" },
        { "Accounts:LockoutDuration", "-00:01:00", "Accounts:LockoutDuration must be a positive time span" },
        { "Speech:Engine", "festival", "Speech:Engine must be 'espeak' or 'openai'" },
        { "Speech:Engine", "openai", "Speech:Url must be the speech server's base URL" },
        { "Speech:Voice", "-x", "Speech:Voice is not usable" },
        { "Export:FramesPerSecond", "25", "Export:FramesPerSecond must be 24 or 30" },
        { "Export:Preset", "warp", "Export:Preset must be one of" },
        { "Export:CrossfadeSeconds", "9", "Export:CrossfadeSeconds must be between 0.1 and 3" },
        { "Devices:0:MaxFrames", "3", "Devices:0:MaxFrames must be between 5 and 2001" },
        { "Silo:CpuDevice", "gpu-0", "Devices:0:Name 'gpu-0' is the name of this silo's CPU device" },
        { "Cluster:Id", " ", "Cluster:Id is empty" },
        { "Cluster:Id", "two words", "Cluster:Id 'two words' must be at most 150 letters, digits" },
        { "Cluster:SiloPort", "0", "Cluster:SiloPort must be between 1 and 65535" },
        { "Cluster:GatewayPort", "70000", "Cluster:GatewayPort must be between 1 and 65535" },
        { "Cluster:AdvertisedAddress", "silo.example", "Cluster:AdvertisedAddress must be an IP address" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_WithBadConfiguration_FailsNamingTheKey(string key, string? value, string message)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var settings = new Dictionary<string, string?> { ["Devices:0:Name"] = "gpu-0", ["Devices:0:Kind"] = "comfyui", ["Devices:0:Url"] = "http://127.0.0.1:8188", [key] = value };

        var failure = await StartFailureAsync(db, settings);

        Assert.Contains(message, failure.Message);
    }

    /// <summary>
    /// Starts the studio, which must refuse its configuration. WebApplicationFactory's deferred host
    /// can ask the app's services for something after the failed start has already disposed them
    /// (an ObjectDisposedException from the test harness, not from the studio): then it tries again.
    /// </summary>
    private static async Task<OptionsValidationException> StartFailureAsync(TestDatabase db, Dictionary<string, string?> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var factory = new StudioFactory(db, settings);
            try
            {
                return Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
            }
            catch (Xunit.Sdk.ThrowsException e) when (e.InnerException is ObjectDisposedException && attempt < 3)
            {
            }
        }
    }
}
