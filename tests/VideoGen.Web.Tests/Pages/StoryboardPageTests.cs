using System.Net;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Pages;

/// <summary>The storyboard's page handlers through the real pipeline: fragments, anti-forgery, escaping, ownership.</summary>
public sealed class StoryboardPageTests
{
    private const string Hostile = "<script>alert('x')</script> a harbour";

    private static async Task<(StudioFactory Factory, HttpClient Client, Guid Project, Guid Sentence, TestDatabase Db)> StartAsync(string email = "creator@example.test")
    {
        var db = await TestDatabase.CreateAsync("sqlite");
        var factory = new StudioFactory(db);
        var client = await factory.SignedInAsync(email);
        var project = await db.ImportAsync(await db.UserIdAsync(email), "<i>Tides</i>", "The tide rolls in. Gulls cry.\n\nNight falls.");
        var sentence = project.Sentences.First().Id;
        await new SentenceStore(db.Database, TimeProvider.System).UpdateAsync(sentence, s => s.EditImagePrompt(Hostile, DateTimeOffset.UtcNow), CancellationToken.None);
        return (factory, client, project.Id, sentence, db);
    }

    [Fact]
    public async Task Page_AndEachFragment_RenderWithPromptsEscaped()
    {
        var (factory, client, project, sentence, db) = await StartAsync();
        await using var _ = db;
        await using var __ = factory;
        var url = $"/Projects/{project}";

        var page = await client.GetStringAsync(url);
        Assert.Contains("&lt;i&gt;Tides&lt;/i&gt;", page);
        Assert.Contains($"sse-connect=\"{url}?handler=Stream", page);
        Assert.Contains("Generate All Scenes", page);

        foreach (var (handler, marker) in new[]
        {
            ($"Card&sentenceId={sentence}", "data-testid=\"card\""),
            ($"Inspector&sentenceId={sentence}", "data-testid=\"inspector\""),
            ("Toolbar", "data-testid=\"toolbar\""),
        })
        {
            var response = await client.GetAsync($"{url}?handler={handler}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(marker, html);
            Assert.DoesNotContain("<html", html);
            Assert.DoesNotContain("<script>alert", html);
        }
        var inspector = await client.GetStringAsync($"{url}?handler=Inspector&sentenceId={sentence}");
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; a harbour", inspector);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{url}?handler=Card&sentenceId={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Edit_WithoutTheAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        var (factory, client, project, sentence, db) = await StartAsync();
        await using var _ = db;
        await using var __ = factory;
        var url = $"/Projects/{project}";
        var page = await client.GetStringAsync(url);

        var forged = await client.HtmxPostAsync($"{url}?handler=Edit&sentenceId={sentence}", page, new() { ["videoPrompt"] = "forged" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotEqual("forged", (await new SentenceStore(db.Database, TimeProvider.System).GetAsync(sentence, CancellationToken.None))!.VideoPrompt);

        var saved = await client.HtmxPostAsync($"{url}?handler=Edit&sentenceId={sentence}", page, new() { ["videoPrompt"] = "waves crash" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var live = await saved.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"live-badge-video\"", live);
        Assert.Contains("Prompt changed. Regenerate to update image.", live);
        var stored = (await new SentenceStore(db.Database, TimeProvider.System).GetAsync(sentence, CancellationToken.None))!;
        Assert.Equal(("waves crash", true), (stored.VideoPrompt, stored.IsVideoDirty));
    }

    [Fact]
    public async Task Handlers_ForAnotherCreatorsProject_Answer404AndChangeNothing()
    {
        var (factory, client, project, sentence, db) = await StartAsync();
        await using var _ = db;
        await using var __ = factory;
        using var intruder = await factory.SignedInAsync("intruder@example.test");
        var ownPage = await intruder.GetStringAsync("/");
        var url = $"/Projects/{project}";
        var snapshot = await StoreSnapshot.TakeAsync(db.Database);

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"{url}?handler=Inspector&sentenceId={sentence}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.HtmxPostAsync($"{url}?handler=Edit&sentenceId={sentence}", ownPage, new() { ["imagePrompt"] = "mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.HtmxPostAsync($"{url}?handler=GenerateAll", ownPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.HtmxPostAsync($"{url}?handler=RegenerateImage&sentenceId={sentence}", ownPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.HtmxPostAsync($"{url}?handler=RegenerateAudio&sentenceId={sentence}", ownPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.HtmxPostAsync($"/?handler=Delete&id={project}", ownPage)).StatusCode);

        Assert.Equal(snapshot, await StoreSnapshot.TakeAsync(db.Database));
    }

    [Fact]
    public async Task EditText_ShowsTheNarrationStale_AndRegenerateNarrationQueuesIt()
    {
        var (factory, client, project, sentence, db) = await StartAsync();
        await using var _ = db;
        await using var __ = factory;
        var url = $"/Projects/{project}";
        var page = await client.GetStringAsync(url);

        var edited = await (await client.HtmxPostAsync($"{url}?handler=Edit&sentenceId={sentence}", page, new() { ["text"] = "The tide rolls out." })).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"audio-dirty-notice\"", edited);
        Assert.DoesNotContain("data-testid=\"audio-spinner\"", edited);

        var response = await client.HtmxPostAsync($"{url}?handler=RegenerateAudio&sentenceId={sentence}", page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"audio-spinner\"", await response.Content.ReadAsStringAsync());
        var jobs = await db.Database.ReadAsync(c => Dapper.SqlMapper.QueryAsync<int>(c, "SELECT kind FROM jobs WHERE sentence_id = @sentence", new { sentence }), CancellationToken.None);
        Assert.Equal([(int)VideoGen.Grains.Domain.JobKind.Audio], jobs);
    }

    [Fact]
    public async Task GenerateAll_FromTheToolbar_AnswersTheToolbarWithProgress()
    {
        var (factory, client, project, _, db) = await StartAsync();
        await using var __ = db;
        await using var ___ = factory;
        var url = $"/Projects/{project}";
        var page = await client.GetStringAsync(url);

        var response = await client.HtmxPostAsync($"{url}?handler=GenerateAll", page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var toolbar = await response.Content.ReadAsStringAsync();
        Assert.Contains("Generating... (0/3)", toolbar);
        Assert.Contains("data-testid=\"cancel-all\"", toolbar);
    }

    [Fact]
    public async Task Page_OfAThousandScenes_RendersOnlyTheFirstSectionsAndLoadsTheRestOnSight()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var client = await factory.SignedInAsync("long@example.test");
        var script = string.Join("\n\n", Enumerable.Range(1, 50).Select(section =>
            $"# Part {section}\n" + string.Join(' ', Enumerable.Range(1, 20).Select(i => $"Scene {section}.{i} moves on."))));
        var project = await db.ImportAsync(await db.UserIdAsync("long@example.test"), "Long", script);
        Assert.Equal(1000, project.Sentences.Count());

        var page = await client.GetStringAsync($"/Projects/{project.Id}");

        Assert.Equal(60, CountOf(page, "data-testid=\"card\""));
        Assert.Equal(47, CountOf(page, "hx-trigger=\"revealed\""));
        var later = await client.GetStringAsync($"/Projects/{project.Id}?handler=Section&sectionId={project.Sections[40].Id}");
        Assert.Equal(20, CountOf(later, "data-testid=\"card\""));
        Assert.Contains("Scene 41.20 moves on.", later);
    }

    private static int CountOf(string text, string needle) =>
        (text.Length - text.Replace(needle, "", StringComparison.Ordinal).Length) / needle.Length;
}
