using System.Net.Http.Json;
using System.Text.Json;
using VideoGen.TestSupport;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Api;

/// <summary>The web app on a fresh database with one account signed in through the API (a bearer client).</summary>
public sealed class ApiSession : IAsyncDisposable
{
    private ApiSession(TestDatabase db, StudioFactory factory, HttpClient client)
    {
        Db = db;
        Factory = factory;
        Client = client;
    }

    /// <summary>The signed-in account.</summary>
    public const string Email = "creator@example.test";

    public TestDatabase Db { get; }
    public StudioFactory Factory { get; }
    public HttpClient Client { get; }

    public static async Task<ApiSession> StartAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var factory = new StudioFactory(db, settings);
        return new ApiSession(db, factory, await factory.BearerClientAsync(Email));
    }

    /// <summary>Creates a project through the API and returns its JSON.</summary>
    public async Task<JsonElement> CreateProjectAsync(string script = "The tide rolls in. Gulls cry.\n\nNight falls.", string aspectRatio = "16:9")
    {
        var response = await Client.PostAsJsonAsync("/api/v1/projects", new { name = "Tides", script, aspectRatio });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static IEnumerable<JsonElement> Sentences(JsonElement project) =>
        project.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("sentences").EnumerateArray());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Db.DisposeAsync();
    }
}
