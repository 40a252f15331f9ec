using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VideoGen.Grains.Domain;
using VideoGen.TestSupport;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Exports;

public sealed class ExportsApiTests
{
    private sealed record Caller(HttpClient Client, Guid Owner) : IDisposable
    {
        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            return await Client.SendAsync(request);
        }

        public void Dispose() => Client.Dispose();
    }

    /// <summary>A new account of the app, signed in with a bearer token.</summary>
    private static async Task<Caller> CallerAsync(StudioFactory factory, string email = "alice@example.test") =>
        new(await factory.BearerClientAsync(email), await factory.Database.UserIdAsync(email));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_WithScenesLackingAssets_Answers409ListingThemAndQueuesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        using var alice = await CallerAsync(factory);
        var project = await db.ImportAsync(alice.Owner, "Tides", "The tide rolls in. Gulls cry. Night falls.");
        await db.GiveAssetsAsync(project);
        var lacking = project.Sentences.ElementAt(1);
        await db.Database.WriteAsync((c, t) => Dapper.SqlMapper.ExecuteAsync(c,
            "UPDATE sentences SET video_file = NULL, audio_file = NULL, audio_duration = NULL WHERE id = @Id", new { lacking.Id }, t), CancellationToken.None);
        var before = await StoreSnapshot.TakeAsync(db.Database);

        using var response = await alice.SendAsync(HttpMethod.Post, $"/api/v1/projects/{project.Id}/exports", "{\"subtitles\": true}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Scene 2 lacks a clip or narration: generate what is missing, then export again.", problem.GetProperty("detail").GetString());
        var scene = Assert.Single(problem.GetProperty("sentences").EnumerateArray());
        Assert.Equal((lacking.Id, 2, "Gulls cry."), (scene.GetProperty("sentenceId").GetGuid(), scene.GetProperty("number").GetInt32(), scene.GetProperty("text").GetString()));
        Assert.Equal(["video", "audio"], scene.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(db.Database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_ThenGet_QueuesAnExportWithTheChosenSettings(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        using var alice = await CallerAsync(factory);
        var project = await db.ImportAsync(alice.Owner, "Tides", "The tide rolls in.");
        await db.GiveAssetsAsync(project);

        using var posted = await alice.SendAsync(HttpMethod.Post, $"/api/v1/projects/{project.Id}/exports", "{\"subtitles\": true, \"transitions\": \"crossfade\", \"fps\": 30}");
        var body = await posted.Content.ReadFromJsonAsync<JsonElement>();
        var exportId = body.GetProperty("exportId").GetGuid();
        using var read = await alice.SendAsync(HttpMethod.Get, posted.Headers.Location!.OriginalString);
        var export = await read.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal($"/api/v1/exports/{exportId}", posted.Headers.Location.OriginalString);
        Assert.Equal(exportId, export.GetProperty("id").GetGuid());
        Assert.Equal(body.GetProperty("jobId").GetGuid(), export.GetProperty("jobId").GetGuid());
        Assert.Equal(("queued", 1920, 1080, 30, "crossfade", true), (export.GetProperty("status").GetString(), export.GetProperty("width").GetInt32(),
            export.GetProperty("height").GetInt32(), export.GetProperty("fps").GetInt32(), export.GetProperty("transitions").GetString(), export.GetProperty("subtitles").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, export.GetProperty("url").ValueKind);
        Assert.Equal(JsonValueKind.Null, export.GetProperty("thumbnailUrl").ValueKind);
        Assert.Equal(project.Id, export.GetProperty("projectId").GetGuid());
    }

    [Fact]
    public async Task Post_WithoutABody_UsesTheDefaults()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var alice = await CallerAsync(factory);
        var project = Project.Import(alice.Owner, "Tall", "Up the cliff.", AspectRatio.Portrait, null, DateTimeOffset.UtcNow).Value!;
        await new Grains.Storage.ProjectStore(db.Database, TimeProvider.System).CreateAsync(project, CancellationToken.None);
        await db.GiveAssetsAsync(project);

        using var posted = await alice.SendAsync(HttpMethod.Post, $"/api/v1/projects/{project.Id}/exports");
        var exportId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("exportId").GetGuid();
        var export = await (await alice.SendAsync(HttpMethod.Get, $"/api/v1/exports/{exportId}")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal((1080, 1920, 24, "cut", false), (export.GetProperty("width").GetInt32(), export.GetProperty("height").GetInt32(),
            export.GetProperty("fps").GetInt32(), export.GetProperty("transitions").GetString(), export.GetProperty("subtitles").GetBoolean()));
    }

    [Theory]
    [InlineData("{\"transitions\": \"wipe\"}", "transitions")]
    [InlineData("{\"fps\": 25}", "fps")]
    [InlineData("{\"subtitles\": \"yes\"}", null)]
    [InlineData("{\"subtitles\": true", null)]
    [InlineData("[]", null)]
    public async Task Post_WithBadInput_Answers400AndChangesNothing(string json, string? field)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var alice = await CallerAsync(factory);
        var project = await db.ImportAsync(alice.Owner, "Tides", "The tide rolls in.");
        await db.GiveAssetsAsync(project);
        var before = await StoreSnapshot.TakeAsync(db.Database);

        using var response = await alice.SendAsync(HttpMethod.Post, $"/api/v1/projects/{project.Id}/exports", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (field is not null) Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(db.Database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_FiltersByProjectNameAndStatus(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        using var alice = await CallerAsync(factory);
        using var bob = await CallerAsync(factory, "bob@example.test");
        var tides = await db.ImportAsync(alice.Owner, "Morning Tides", "The tide rolls in.");
        var storms = await db.ImportAsync(alice.Owner, "Storm_100%", "Thunder rolls.");
        var bobs = await db.ImportAsync(bob.Owner, "Bob's tides", "Rain.");
        foreach (var project in new[] { tides, storms, bobs }) await db.GiveAssetsAsync(project);
        var made = await db.RunExportAsync(factory.MediaRoot, tides.Id, alice.Owner);
        var failed = await db.RunExportAsync(factory.MediaRoot, storms.Id, alice.Owner, succeed: false);
        var queued = (await db.StartExportAsync(storms.Id, alice.Owner)).ExportId;
        await db.StartExportAsync(bobs.Id, bob.Owner);

        async Task<Guid[]> IdsAsync(string query) =>
            (await (await alice.SendAsync(HttpMethod.Get, $"/api/v1/exports{query}")).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToArray();

        Assert.Equal([queued, failed.Id, made.Id], await IdsAsync(""));
        Assert.Equal([made.Id], await IdsAsync("?q=TIDES"));
        Assert.Equal([queued, failed.Id], await IdsAsync("?q=100%25"));
        Assert.Empty(await IdsAsync("?q=ng_t"));
        Assert.Equal([made.Id], await IdsAsync("?status=succeeded"));
        Assert.Equal([queued], await IdsAsync("?status=processing"));
        Assert.Equal([failed.Id], await IdsAsync("?q=storm&status=failed"));
        Assert.Equal(HttpStatusCode.BadRequest, (await alice.SendAsync(HttpMethod.Get, "/api/v1/exports?status=nonsense")).StatusCode);
        var listed = (await (await alice.SendAsync(HttpMethod.Get, "/api/v1/exports?status=succeeded")).Content.ReadFromJsonAsync<JsonElement>())[0];
        Assert.Equal($"/media/{made.File}", listed.GetProperty("url").GetString());
        Assert.Equal($"/media/{made.Thumbnail}", listed.GetProperty("thumbnailUrl").GetString());
        Assert.Equal(4.5, listed.GetProperty("duration").GetDouble());
        Assert.Equal("ffmpeg could not render the export: disk full",
            (await (await alice.SendAsync(HttpMethod.Get, $"/api/v1/exports/{failed.Id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_RemovesTheExportAndItsFiles(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        using var alice = await CallerAsync(factory);
        using var bob = await CallerAsync(factory, "bob@example.test");
        var project = await db.ImportAsync(alice.Owner, "Tides", "The tide rolls in.");
        await db.GiveAssetsAsync(project);
        var export = await db.RunExportAsync(factory.MediaRoot, project.Id, alice.Owner);
        var files = new[] { export.File!, export.Thumbnail!, export.SubtitlesFile! }.Select(f => Path.Combine(factory.MediaRoot, f)).ToArray();

        using var bobs = await bob.SendAsync(HttpMethod.Delete, $"/api/v1/exports/{export.Id}");
        Assert.Equal(HttpStatusCode.NotFound, bobs.StatusCode);
        Assert.All(files, f => Assert.True(File.Exists(f)));

        using var deleted = await alice.SendAsync(HttpMethod.Delete, $"/api/v1/exports/{export.Id}");
        using var again = await alice.SendAsync(HttpMethod.Delete, $"/api/v1/exports/{export.Id}");
        using var read = await alice.SendAsync(HttpMethod.Get, $"/api/v1/exports/{export.Id}");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (deleted.StatusCode, again.StatusCode, read.StatusCode));
        Assert.All(files, f => Assert.False(File.Exists(f)));
    }

    [Fact]
    public async Task Delete_OfAQueuedExport_CancelsItsJob()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var alice = await CallerAsync(factory);
        var project = await db.ImportAsync(alice.Owner, "Tides", "The tide rolls in.");
        await db.GiveAssetsAsync(project);
        var start = await db.StartExportAsync(project.Id, alice.Owner);

        using var deleted = await alice.SendAsync(HttpMethod.Delete, $"/api/v1/exports/{start.ExportId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var job = await new Grains.Jobs.JobReader(db.Database).GetAsync(start.JobId, CancellationToken.None);
        Assert.Equal(JobStatus.Cancelled, job!.Status);
    }
}
