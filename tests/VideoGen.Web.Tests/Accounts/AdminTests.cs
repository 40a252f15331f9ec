using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.TestSupport;

namespace VideoGen.Web.Tests.Accounts;

public sealed class AdminTests
{
    private static GpuDevice Gpu(string name) => new(name, DeviceKind.ComfyUi, GpuDevice.LanesOf(DeviceKind.ComfyUi));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Register_ManyAtOnceOnAFreshStudio_MakesExactlyOneAdmin(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        using var client = factory.Browser();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            client.PostAsJsonAsync("/api/v1/auth/register", new { email = $"user{i}@example.test", password = AccountClient.Password })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var admins = await db.Database.ReadAsync(c => c.QueryAsync<bool>("SELECT is_admin FROM users"), CancellationToken.None);
        Assert.Equal(8, admins.Count());
        Assert.Single(admins, a => a);
    }

    [Fact]
    public async Task AdminRoutes_ForANormalAccount_AreForbidden()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        await factory.SignedInAsync("operator@example.test");
        using var creator = await factory.SignedInAsync("creator@example.test");
        using var bearer = await factory.BearerClientAsync("creator@example.test", alreadyRegistered: true);

        var page = await creator.GetAsync("/Devices");
        var api = await bearer.GetAsync("/api/v1/devices");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.DoesNotContain("/Devices", await creator.GetStringAsync("/Profile"));
    }

    [Fact]
    public async Task Devices_ForTheOperator_ShowEachDeviceWithItsLanesAndCounts()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var admin = await factory.SignedInAsync("operator@example.test");
        var project = await db.ImportAsync(await db.UserIdAsync("operator@example.test"));
        await db.RunImageJobAsync(project.Sentences.First().Id, "gpu-0", DeviceKind.ComfyUi, TimeSpan.FromSeconds(2));
        await db.RunImageJobAsync(project.Sentences.Last().Id, "gpu-0", DeviceKind.ComfyUi, TimeSpan.FromSeconds(2), succeed: false);
        using var bearer = await factory.BearerClientAsync("operator@example.test", alreadyRegistered: true);

        var devices = await bearer.GetFromJsonAsync<JsonElement>("/api/v1/devices");
        var html = await admin.GetStringAsync("/Devices");

        var device = Assert.Single(devices.EnumerateArray());
        Assert.Equal("gpu-0", device.GetProperty("name").GetString());
        Assert.Equal("comfyui", device.GetProperty("kind").GetString());
        Assert.Equal("test-silo", device.GetProperty("silo").GetString());
        Assert.Contains(device.GetProperty("status").GetString(), new[] { "online", "offline" });
        Assert.Equal(JsonValueKind.Null, device.GetProperty("lanes").GetProperty("image").GetProperty("jobId").ValueKind);
        Assert.Equal(JsonValueKind.Null, device.GetProperty("lanes").GetProperty("video").GetProperty("jobId").ValueKind);
        Assert.Equal((1, 1), (device.GetProperty("completed").GetInt32(), device.GetProperty("failed").GetInt32()));
        Assert.True(device.TryGetProperty("lastSeen", out _));
        Assert.Contains("gpu-0", html);
        Assert.Contains("test-silo", html);
        Assert.Contains("image: idle", html);
        Assert.Contains("hx-trigger=\"every 5s\"", html);
    }

    [Fact]
    public async Task Devices_OneNameOnTwoSilos_TheOperatorSeesTheClash()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var admin = await factory.SignedInAsync("operator@example.test");
        var registry = factory.Services.GetRequiredService<VideoGen.Grains.Jobs.DeviceRegistry>();
        var device = Gpu("gpu-7");
        var unique = Gpu("gpu-8");
        Assert.True((await registry.HeartbeatAsync(device, "box-a", answering: true, CancellationToken.None)).Held);
        Assert.True((await registry.HeartbeatAsync(unique, "box-a", answering: true, CancellationToken.None)).Held);
        Assert.False((await registry.HeartbeatAsync(device, "box-b", answering: true, CancellationToken.None)).Held);
        using var bearer = await factory.BearerClientAsync("operator@example.test", alreadyRegistered: true);

        var devices = (await bearer.GetFromJsonAsync<JsonElement>("/api/v1/devices")).EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        var html = await admin.GetStringAsync("/Devices");

        Assert.Equal("box-b", devices["gpu-7"].GetProperty("contestedBy").GetString());
        Assert.Equal(JsonValueKind.Null, devices["gpu-8"].GetProperty("contestedBy").ValueKind);
        Assert.Equal(1, html.Split("data-testid=\"device-contested\"").Length - 1);
        Assert.Contains("Silo box-b is configured with this device name too", html);
    }

    [Fact]
    public async Task Devices_BackendNotAnswering_TheOperatorSeesSinceWhenUntilItAnswersAgain()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var admin = await factory.SignedInAsync("operator@example.test");
        var registry = factory.Services.GetRequiredService<VideoGen.Grains.Jobs.DeviceRegistry>();
        var down = Gpu("gpu-down");
        var up = Gpu("gpu-up");
        await registry.HeartbeatAsync(up, "box-a", answering: true, CancellationToken.None);
        await registry.HeartbeatAsync(down, "box-a", answering: false, CancellationToken.None);
        var since = (await registry.ListAsync(CancellationToken.None)).Single(d => d.Name == "gpu-down").UnreachableSince;
        await registry.HeartbeatAsync(down, "box-a", answering: false, CancellationToken.None);
        using var bearer = await factory.BearerClientAsync("operator@example.test", alreadyRegistered: true);

        var devices = (await bearer.GetFromJsonAsync<JsonElement>("/api/v1/devices")).EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        var html = await admin.GetStringAsync("/Devices");

        Assert.NotNull(since);
        Assert.Equal(since, devices["gpu-down"].GetProperty("unreachableSince").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, devices["gpu-up"].GetProperty("unreachableSince").ValueKind);
        Assert.Equal(1, html.Split("data-testid=\"device-unreachable\"").Length - 1);
        Assert.Contains("Its ComfyUI server has not answered since", html);

        await registry.HeartbeatAsync(down, "box-a", answering: true, CancellationToken.None);
        Assert.Null((await registry.ListAsync(CancellationToken.None)).Single(d => d.Name == "gpu-down").UnreachableSince);
    }

    [Fact]
    public async Task DevicesTable_PolledByHtmx_IsTheTableFragmentOnly()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var admin = await factory.SignedInAsync("operator@example.test");
        var project = await db.ImportAsync(await db.UserIdAsync("operator@example.test"));
        await db.RunImageJobAsync(project.Sentences.First().Id, "gpu-0", DeviceKind.ComfyUi, TimeSpan.FromSeconds(2));

        var response = await admin.HtmxGetAsync("/Devices?handler=Table");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HX-Request", response.Headers.Vary);
        Assert.StartsWith("<div id=\"cluster-overview\"", html.Trim());
        Assert.Contains("gpu-0", html);
        Assert.DoesNotContain("<html", html);
    }
}
