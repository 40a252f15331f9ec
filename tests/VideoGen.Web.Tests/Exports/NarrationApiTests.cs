using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VideoGen.TestSupport;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Exports;

public sealed class NarrationApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Put_ThenGet_ChangesTheProjectsVoiceAndSpeed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        using var client = await factory.BearerClientAsync("alice@example.test");
        var project = await db.ImportAsync(await db.UserIdAsync("alice@example.test"));
        var url = $"/api/v1/projects/{project.Id}/narration";

        async Task<(HttpStatusCode, JsonElement)> SendAsync(HttpMethod method, string? json = null)
        {
            using var request = new HttpRequestMessage(method, url);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        var (initialStatus, initial) = await SendAsync(HttpMethod.Get);
        var (putStatus, put) = await SendAsync(HttpMethod.Put, "{\"voice\": \"en-gb\", \"speed\": 1.5}");
        var (_, read) = await SendAsync(HttpMethod.Get);
        var (badStatus, bad) = await SendAsync(HttpMethod.Put, "{\"voice\": \"en gb\", \"speed\": 9}");
        var (resetStatus, reset) = await SendAsync(HttpMethod.Put, "{}");

        Assert.Equal((HttpStatusCode.OK, JsonValueKind.Null, 1.0), (initialStatus, initial.GetProperty("voice").ValueKind, initial.GetProperty("speed").GetDouble()));
        Assert.Equal((HttpStatusCode.OK, "en-gb", 1.5), (putStatus, put.GetProperty("voice").GetString(), put.GetProperty("speed").GetDouble()));
        Assert.Equal(("en-gb", 1.5), (read.GetProperty("voice").GetString(), read.GetProperty("speed").GetDouble()));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.True(bad.GetProperty("errors").TryGetProperty("voice", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("speed", out _));
        Assert.Equal((HttpStatusCode.OK, JsonValueKind.Null, 1.0), (resetStatus, reset.GetProperty("voice").ValueKind, reset.GetProperty("speed").GetDouble()));
    }
}
