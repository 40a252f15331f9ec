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
    private static readonly Dictionary<string, string> Choices = new() { ["Transitions"] = "crossfade", ["Fps"] = "30", ["Subtitles"] = "true" };

    private static string PageOf(CreatorStudio studio) => $"/Projects/{studio.Project.Id}/Export";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_WithScenesLackingAssets_ListsThemAndQueuesNothing(string provider)
    {
        await using var studio = await CreatorStudio.StartAsync(provider, script: "The tide rolls in. <b>Gulls</b> cry.", complete: false);
        var form = await studio.Alice.GetStringAsync(PageOf(studio));
        var before = await StoreSnapshot.TakeAsync(studio.Db.Database);

        using var response = await studio.Alice.PostFormAsync(PageOf(studio), new(Choices));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Export video", form);
        Assert.Contains("name=\"__RequestVerificationToken\"", form);
        Assert.Contains($"action=\"{PageOf(studio)}\"", form);
        Assert.Contains("Scenes 1, 2 lack an image, a clip or narration", html);
        Assert.Contains("Scene 2, “&lt;b&gt;Gulls&lt;/b&gt; cry.”: no image, no clip, no audio", html);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(studio.Db.Database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_ForACompleteProject_QueuesAnExportAndThePanelRefreshesWhileItRuns(string provider)
    {
        await using var studio = await CreatorStudio.StartAsync(provider);
        var page = PageOf(studio);

        using var posted = await studio.Alice.PostFormAsync(page, new(Choices));
        using var fragment = await studio.Alice.HtmxGetAsync($"{page}?handler=FinalCut");
        var panel = await fragment.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(page, posted.Headers.Location!.OriginalString);
        var export = Assert.Single(await new ExportReader(studio.Db.Database).ListAsync(studio.Owner, null, null, CancellationToken.None));
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
        await using var studio = await CreatorStudio.StartAsync(provider, script: "The tide rolls in. Gulls cry.");
        Assert.DoesNotContain("out of date", await studio.Alice.GetStringAsync(PageOf(studio)));
        var made = await studio.ExportAsync();

        var fresh = await studio.Alice.GetStringAsync(PageOf(studio));
        await Task.Delay(5);
        await new SentenceStore(studio.Db.Database, TimeProvider.System)
            .UpdateAsync(studio.Project.Sentences.Last().Id, s => s.EditText("Gulls cry louder.", DateTimeOffset.UtcNow), CancellationToken.None);
        var stale = await studio.Alice.GetStringAsync(PageOf(studio));

        Assert.DoesNotContain("Final cut out of date", fresh);
        Assert.Contains($"href=\"/Exports/{made.Id}\"", fresh);
        Assert.Contains("Completed", fresh);
        Assert.DoesNotContain("hx-trigger=\"every 2s\"", fresh);
        Assert.Contains("Final cut out of date", stale);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_WithAStaleScene_AsksFirst_KeepsTheChoices_AndQueuesNothing(string provider)
    {
        await using var studio = await CreatorStudio.StartAsync(provider, script: "The tide rolls in. Gulls cry.");
        await StaleImageAsync(studio);
        var before = await StoreSnapshot.TakeAsync(studio.Db.Database);

        using var response = await studio.Alice.PostFormAsync(PageOf(studio), new(Choices));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"export-confirm\"", html);
        Assert.Contains("Regenerate them first, or export anyway", html);
        Assert.Contains("name=\"anyway\" value=\"true\"", html);
        Assert.Contains("<option value=\"crossfade\" selected=\"selected\">", html);
        Assert.Contains("Scene 2, “Gulls cry.”: out of date", html);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(studio.Db.Database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Post_Anyway_ExportsTheStaleScenesAsTheyAre(string provider)
    {
        await using var studio = await CreatorStudio.StartAsync(provider, script: "The tide rolls in. Gulls cry.");
        await StaleImageAsync(studio);

        using var response = await studio.Alice.PostFormAsync(PageOf(studio), new(Choices) { ["anyway"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single(await new ExportReader(studio.Db.Database).ListAsync(studio.Owner, null, null, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegenerateFirst_QueuesTheStaleScenesWorkAndNoExport(string provider)
    {
        await using var studio = await CreatorStudio.StartAsync(provider, script: "The tide rolls in. Gulls cry.");
        var stale = await StaleImageAsync(studio);
        var shown = await studio.Alice.GetStringAsync(PageOf(studio));

        using var response = await studio.Alice.HtmxPostAsync($"{PageOf(studio)}?handler=RegenerateFirst", shown);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var job = Assert.Single(await new JobReader(studio.Db.Database).ListByProjectAsync(studio.Project.Id, CancellationToken.None));
        Assert.Equal((JobKind.Image, stale, true), (job.Kind, job.SentenceId!.Value, job.ThenVideo));
    }

    /// <summary>Edits the last scene's image prompt, so its image and clip are out of date; returns that scene.</summary>
    private static async Task<Guid> StaleImageAsync(CreatorStudio studio)
    {
        var id = studio.Project.Sentences.Last().Id;
        await new SentenceStore(studio.Db.Database, TimeProvider.System)
            .UpdateAsync(id, s => s.EditImagePrompt("gulls over a stormy sea", DateTimeOffset.UtcNow), CancellationToken.None);
        return id;
    }

    [Fact]
    public async Task Post_FromHtmx_AnswersWithThePanelOnly()
    {
        await using var studio = await CreatorStudio.StartAsync();
        var page = PageOf(studio);
        var shown = await studio.Alice.GetStringAsync(page);

        using var response = await studio.Alice.HtmxPostAsync(page, shown, new() { ["Transitions"] = "cut" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<section class=\"final-cut\"", html.TrimStart());
        Assert.DoesNotContain("<html", html);
        var job = Assert.Single(await new JobReader(studio.Db.Database).ListByProjectAsync(studio.Project.Id, CancellationToken.None));
        Assert.Equal((JobKind.Export, Lane.Cpu), (job.Kind, job.Lane));
    }
}
