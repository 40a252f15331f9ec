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
        await using var studio = await CreatorStudio.StartAsync(provider, Hostile);
        using var bob = await studio.Factory.SignedInAsync("bob@example.test");
        var storms = await studio.Db.ImportAsync(studio.Owner, "Storms", "Thunder rolls.");
        await studio.Db.GiveAssetsAsync(storms);
        var made = await studio.ExportAsync();
        await studio.Db.RunExportAsync(studio.Factory.MediaRoot, storms.Id, studio.Owner, succeed: false);

        var all = await studio.Alice.GetStringAsync("/Gallery");
        var searched = await studio.Alice.GetStringAsync("/Gallery?q=storm");
        var completed = await studio.Alice.GetStringAsync("/Gallery?status=succeeded");
        using var fragment = await studio.Alice.HtmxGetAsync("/Gallery?q=nothing-like-it");
        var grid = await fragment.Content.ReadAsStringAsync();

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
        Assert.Contains("HX-Request", fragment.Headers.Vary);
        Assert.Contains("No videos yet", await bob.GetStringAsync("/Gallery"));
        Assert.Contains("href=\"/Gallery\"", all);
    }

    [Fact]
    public async Task VideoPage_ShowsThePlayerAndDownloads()
    {
        await using var studio = await CreatorStudio.StartAsync(name: Hostile);
        var made = await studio.ExportAsync();

        var html = await studio.Alice.GetStringAsync($"/Exports/{made.Id}");

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
        await using var studio = await CreatorStudio.StartAsync();
        var start = await studio.Db.StartExportAsync(studio.Project.Id, studio.Owner);
        var page = $"/Exports/{start.ExportId}";

        var html = await studio.Alice.GetStringAsync(page);
        using var fragment = await studio.Alice.HtmxGetAsync($"{page}?handler=Player");
        var player = await fragment.Content.ReadAsStringAsync();
        var cancelled = await studio.Alice.PostFormAsync($"{page}?handler=Cancel", new());

        Assert.Contains("<progress", html);
        Assert.Contains($"hx-get=\"{page}?handler=Player\"", html);
        Assert.DoesNotContain("<video", html);
        Assert.StartsWith("<div id=\"export-player\"", player.TrimStart());
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var export = await new ExportReader(studio.Db.Database).GetAsync(start.ExportId, studio.Owner, CancellationToken.None);
        Assert.Equal(JobStatus.Cancelled, export!.Status);
        Assert.DoesNotContain("<progress", await studio.Alice.GetStringAsync(page));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_NeedsTheAntiforgeryTokenThenRemovesTheVideoAndItsFiles(string provider)
    {
        await using var studio = await CreatorStudio.StartAsync(provider);
        var made = await studio.ExportAsync();
        var file = Path.Combine(studio.Factory.MediaRoot, made.File!);
        var page = $"/Exports/{made.Id}";

        using var forged = await studio.Alice.PostAsync($"{page}?handler=Delete", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(File.Exists(file));

        using var deleted = await studio.Alice.PostFormAsync($"{page}?handler=Delete", new());

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/Gallery", deleted.Headers.Location!.OriginalString);
        Assert.False(File.Exists(file));
        Assert.Null(await new ExportReader(studio.Db.Database).GetAsync(made.Id, studio.Owner, CancellationToken.None));
        Assert.Contains("The video of Tides was deleted.", await studio.Alice.GetStringAsync("/Gallery"));
        Assert.Equal(HttpStatusCode.NotFound, (await studio.Alice.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task Profile_CountsFinishedExports()
    {
        await using var studio = await CreatorStudio.StartAsync();
        await studio.ExportAsync();
        await studio.ExportAsync();
        await studio.ExportAsync(succeed: false);
        await studio.Db.StartExportAsync(studio.Project.Id, studio.Owner);

        var html = await studio.Alice.GetStringAsync("/Profile");

        Assert.Contains("<dd id=\"exports\"><a href=\"/Gallery\">2</a></dd>", html);
    }
}
