using System.Net;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Exports;

public sealed class GalleryPagesTests
{
    private const string Hostile = "<script>alert(1)</script> Tides";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Gallery_ShowsTheAccountsExportsEscapedAndFilters(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        using var alice = await factory.SignedInAsync("alice@example.test");
        using var bob = await factory.SignedInAsync("bob@example.test");
        var owner = await db.UserIdAsync("alice@example.test");
        var tides = await db.ImportAsync(owner, Hostile, "The tide rolls in.");
        var storms = await db.ImportAsync(owner, "Storms", "Thunder rolls.");
        await db.GiveAssetsAsync(tides);
        await db.GiveAssetsAsync(storms);
        var made = await db.RunExportAsync(factory.MediaRoot, tides.Id, owner);
        await db.RunExportAsync(factory.MediaRoot, storms.Id, owner, succeed: false);

        var all = await alice.GetStringAsync("/Gallery");
        var searched = await alice.GetStringAsync("/Gallery?q=storm");
        var completed = await alice.GetStringAsync("/Gallery?status=succeeded");
        using var fragment = new HttpRequestMessage(HttpMethod.Get, "/Gallery?q=nothing-like-it");
        fragment.Headers.Add("HX-Request", "true");
        using var fragmentResponse = await alice.SendAsync(fragment);
        var grid = await fragmentResponse.Content.ReadAsStringAsync();

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Tides", all);
        Assert.DoesNotContain(Hostile, all);
        Assert.Contains($"src=\"/media/{made.Thumbnail}\"", all);
        Assert.Contains($"href=\"/Exports/{made.Id}\"", all);
        Assert.Contains("Storms", all);
        Assert.Contains("Failed", all);
        Assert.Contains("Storms", searched);
        Assert.DoesNotContain("alert(1)", searched);
        Assert.Contains("alert(1)", completed);
        Assert.DoesNotContain("Storms", completed);
        Assert.Contains("No results", grid);
        Assert.DoesNotContain("<html", grid);
        Assert.Contains("HX-Request", fragmentResponse.Headers.Vary);
        Assert.Contains("No videos yet", await bob.GetStringAsync("/Gallery"));
        Assert.Contains("href=\"/Gallery\"", all);
    }

    [Fact]
    public async Task VideoPage_ShowsThePlayerAndDownloads()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var alice = await factory.SignedInAsync("alice@example.test");
        var owner = await db.UserIdAsync("alice@example.test");
        var project = await db.ImportAsync(owner, Hostile, "The tide rolls in.");
        await db.GiveAssetsAsync(project);
        var made = await db.RunExportAsync(factory.MediaRoot, project.Id, owner);

        var html = await alice.GetStringAsync($"/Exports/{made.Id}");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Tides", html);
        Assert.DoesNotContain(Hostile, html);
        Assert.Contains("<video class=\"player \" controls preload=\"metadata\"", html);
        Assert.Contains($"src=\"/media/{made.File}\"", html);
        Assert.Contains($"poster=\"/media/{made.Thumbnail}\"", html);
        Assert.Contains($"href=\"/media/{made.File}?download=1\"", html);
        Assert.Contains($"href=\"/media/{made.SubtitlesFile}?download=1\"", html);
        Assert.Contains("Are you sure you want to delete this video?", html);
        Assert.Contains("0:04.5", html);
    }

    [Fact]
    public async Task VideoPage_WhileRendering_ShowsProgressThatRefreshesAndCanCancel()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var alice = await factory.SignedInAsync("alice@example.test");
        var owner = await db.UserIdAsync("alice@example.test");
        var project = await db.ImportAsync(owner, "Tides", "The tide rolls in.");
        await db.GiveAssetsAsync(project);
        var start = await db.StartExportAsync(project.Id, owner);

        var html = await alice.GetStringAsync($"/Exports/{start.ExportId}");
        using var fragment = new HttpRequestMessage(HttpMethod.Get, $"/Exports/{start.ExportId}?handler=Player");
        fragment.Headers.Add("HX-Request", "true");
        var player = await (await alice.SendAsync(fragment)).Content.ReadAsStringAsync();
        var cancelled = await alice.PostFormAsync($"/Exports/{start.ExportId}?handler=Cancel", new());

        Assert.Contains("<progress", html);
        Assert.Contains($"hx-get=\"/Exports/{start.ExportId}?handler=Player\"", html);
        Assert.DoesNotContain("<video", html);
        Assert.StartsWith("<div id=\"export-player\"", player.TrimStart());
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var export = await new ExportReader(db.Database).GetAsync(start.ExportId, owner, CancellationToken.None);
        Assert.Equal(JobStatus.Cancelled, export!.Status);
        Assert.DoesNotContain("<progress", await alice.GetStringAsync($"/Exports/{start.ExportId}"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_NeedsTheAntiforgeryTokenThenRemovesTheVideoAndItsFiles(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        using var alice = await factory.SignedInAsync("alice@example.test");
        var owner = await db.UserIdAsync("alice@example.test");
        var project = await db.ImportAsync(owner, "Tides", "The tide rolls in.");
        await db.GiveAssetsAsync(project);
        var made = await db.RunExportAsync(factory.MediaRoot, project.Id, owner);
        var file = Path.Combine(factory.MediaRoot, made.File!);
        var page = $"/Exports/{made.Id}";

        using var forged = await alice.PostAsync($"{page}?handler=Delete", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(File.Exists(file));

        using var deleted = await alice.PostFormAsync($"{page}?handler=Delete", new());

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/Gallery", deleted.Headers.Location!.OriginalString);
        Assert.False(File.Exists(file));
        Assert.Null(await new ExportReader(db.Database).GetAsync(made.Id, owner, CancellationToken.None));
        Assert.Contains("The video of Tides was deleted.", await alice.GetStringAsync("/Gallery"));
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task Profile_CountsFinishedExports()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var alice = await factory.SignedInAsync("alice@example.test");
        var owner = await db.UserIdAsync("alice@example.test");
        var project = await db.ImportAsync(owner, "Tides", "The tide rolls in.");
        await db.GiveAssetsAsync(project);
        await db.RunExportAsync(factory.MediaRoot, project.Id, owner);
        await db.RunExportAsync(factory.MediaRoot, project.Id, owner);
        await db.RunExportAsync(factory.MediaRoot, project.Id, owner, succeed: false);
        await db.StartExportAsync(project.Id, owner);

        var html = await alice.GetStringAsync("/Profile");

        Assert.Contains("<dd id=\"exports\"><a href=\"/Gallery\">2</a></dd>", html);
    }
}
