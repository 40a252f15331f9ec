using System.Net;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Exports;

/// <summary>The final-cut panel the storyboard includes, on its own page at /Projects/{id}/Export.</summary>
public sealed class FinalCutPanelTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_WithScenesLackingAssets_ListsThemAndQueuesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        using var alice = await factory.SignedInAsync("alice@example.test");
        var project = await db.ImportAsync(await db.UserIdAsync("alice@example.test"), "Tides", "The tide rolls in. <b>Gulls</b> cry.");
        var page = $"/Projects/{project.Id}/Export";
        var form = await alice.GetStringAsync(page);
        var before = await StoreSnapshot.TakeAsync(db.Database);

        using var response = await alice.PostFormAsync(page, new() { ["Transitions"] = "crossfade", ["Fps"] = "30", ["Subtitles"] = "true" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Export video", form);
        Assert.Contains("name=\"__RequestVerificationToken\"", form);
        Assert.Contains($"action=\"{page}\"", form);
        Assert.Contains("Scenes 1, 2 lack an image, a clip or narration", html);
        Assert.Contains("Scene 2, “&lt;b&gt;Gulls&lt;/b&gt; cry.”: no image, no clip, no audio", html);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(db.Database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_ForACompleteProject_QueuesAnExportAndThePanelRefreshesWhileItRuns(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        using var alice = await factory.SignedInAsync("alice@example.test");
        var owner = await db.UserIdAsync("alice@example.test");
        var project = await db.ImportAsync(owner, "Tides", "The tide rolls in.");
        await db.GiveAssetsAsync(project);
        var page = $"/Projects/{project.Id}/Export";

        using var posted = await alice.PostFormAsync(page, new() { ["Transitions"] = "crossfade", ["Fps"] = "30", ["Subtitles"] = "true" });
        using var htmx = new HttpRequestMessage(HttpMethod.Get, $"{page}?handler=FinalCut");
        htmx.Headers.Add("HX-Request", "true");
        var panel = await (await alice.SendAsync(htmx)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(page, posted.Headers.Location!.OriginalString);
        var export = Assert.Single(await new ExportReader(db.Database).ListAsync(owner, null, null, CancellationToken.None));
        Assert.Equal((JobStatus.Queued, ExportTransition.Crossfade, 30, true), (export.Status, export.Transitions, export.FramesPerSecond, export.Subtitles));
        Assert.StartsWith("<section class=\"final-cut\"", panel.TrimStart());
        Assert.Contains($"hx-get=\"{page}?handler=FinalCut\" hx-trigger=\"every 2s\"", panel);
        Assert.Contains("Waiting", panel);
        Assert.Contains("<progress", panel);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Panel_AfterASceneChangesPastTheLastExport_SaysTheFinalCutIsOutOfDate(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        using var alice = await factory.SignedInAsync("alice@example.test");
        var owner = await db.UserIdAsync("alice@example.test");
        var project = await db.ImportAsync(owner, "Tides", "The tide rolls in. Gulls cry.");
        var page = $"/Projects/{project.Id}/Export";
        Assert.DoesNotContain("out of date", await alice.GetStringAsync(page));
        await db.GiveAssetsAsync(project);
        var made = await db.RunExportAsync(factory.MediaRoot, project.Id, owner);

        var fresh = await alice.GetStringAsync(page);
        await Task.Delay(5);
        await new SentenceStore(db.Database, TimeProvider.System).UpdateAsync(project.Sentences.Last().Id, s => s.EditText("Gulls cry louder.", DateTimeOffset.UtcNow), CancellationToken.None);
        var stale = await alice.GetStringAsync(page);

        Assert.DoesNotContain("Final cut out of date", fresh);
        Assert.Contains($"href=\"/Exports/{made.Id}\"", fresh);
        Assert.Contains("Completed", fresh);
        Assert.DoesNotContain("hx-trigger=\"every 2s\"", fresh);
        Assert.Contains("Final cut out of date", stale);
    }

    [Fact]
    public async Task Post_FromHtmx_AnswersWithThePanelOnly()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var alice = await factory.SignedInAsync("alice@example.test");
        var owner = await db.UserIdAsync("alice@example.test");
        var project = await db.ImportAsync(owner, "Tides", "The tide rolls in.");
        await db.GiveAssetsAsync(project);
        var page = $"/Projects/{project.Id}/Export";
        var token = AccountClient.AntiforgeryToken(await alice.GetStringAsync(page));
        using var request = new HttpRequestMessage(HttpMethod.Post, page) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Transitions"] = "cut" }) };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add(Extensions.WebUiExtensions.AntiforgeryHeader, token);

        using var response = await alice.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<section class=\"final-cut\"", html.TrimStart());
        Assert.DoesNotContain("<html", html);
        var job = Assert.Single(await new JobReader(db.Database).ListByProjectAsync(project.Id, CancellationToken.None));
        Assert.Equal((JobKind.Export, Lane.Cpu), (job.Kind, job.Lane));
    }
}
