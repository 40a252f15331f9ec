using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VideoGen.TestSupport;

namespace VideoGen.Web.Tests.Accounts;

public sealed class TokenApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegisterLoginAndBearer_CallAnApiRoute(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        using var client = factory.Browser();

        var tokens = await client.TokensAsync("script@example.test");

        Assert.Equal("Bearer", tokens.GetProperty("tokenType").GetString());
        Assert.True(tokens.GetProperty("expiresIn").GetInt32() > 0);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/devices").WithBearer(tokens.GetProperty("accessToken").GetString()!);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await response.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
    }

    [Fact]
    public async Task Refresh_WithTheRefreshToken_GivesAWorkingAccessToken()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var client = factory.Browser();
        var tokens = await client.TokensAsync("script@example.test");

        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/manage/info").WithBearer(body.GetProperty("accessToken").GetString()!);
        var info = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("script@example.test", info.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Refresh_WithAForgedToken_Answers401()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);

        var response = await factory.Browser().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ApiRoute_WithTheLoginCookieOnly_Answers401()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var client = await factory.SignedInAsync("operator@example.test");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/devices")).StatusCode);
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "/api/v1/auth/register", "{\"email\": \"a@example.test\"", "body" },
        { "/api/v1/auth/register", "{\"email\": \"a@example.test\"}", "password" },
        { "/api/v1/auth/register", "{\"email\": \"a@example.test\", \"password\": null}", "password" },
        { "/api/v1/auth/register", "{\"email\": null, \"password\": \"Tide-pool-42\"}", "email" },
        { "/api/v1/auth/register", "{\"email\": \"not an email\", \"password\": \"Tide-pool-42\"}", "email" },
        { "/api/v1/auth/register", "{\"email\": \"b@example.test\", \"password\": \"weak\"}", "password" },
        { "/api/v1/auth/register", "[]", "body" },
        { "/api/v1/auth/login", "{\"email\": null, \"password\": null}", "email" },
        { "/api/v1/auth/login", "{}", "email" },
        { "/api/v1/auth/login", "nonsense", "body" },
        { "/api/v1/auth/refresh", "{\"refreshToken\": null}", "refreshToken" },
        { "/api/v1/auth/refresh", "{}", "refreshToken" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task AuthRoute_WithBadInput_Answers400KeyedByTheFieldToFix(string path, string body, string field)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);

        var response = await factory.Browser().PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
        Assert.Equal(0, await db.UserCountAsync());
    }

    [Fact]
    public async Task TwoFactorRoute_IsNotOffered()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var client = factory.Browser();
        var tokens = await client.TokensAsync("script@example.test");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/manage/2fa") { Content = JsonContent.Create(new { enable = true }) };
        using var response = await client.SendAsync(request.WithBearer(tokens.GetProperty("accessToken").GetString()!));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
