using System.Net;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Pages;

/// <summary>The storyboard's page handlers through the real pipeline: fragments, anti-forgery, escaping, ownership.</summary>
public sealed class StoryboardPageTests
{
    private const string Hostile = "<script>alert('x')</script> a harbour";

    /// <summary>Alice's project of three scenes, nothing generated yet, its first scene with a hostile image prompt.</summary>
    private static async Task<CreatorStudio> StartAsync()
    {
        var studio = await CreatorStudio.StartAsync(name: "<i>Tides</i>", script: "The tide rolls in. Gulls cry.\n\nNight falls.", complete: false);
        await new SentenceStore(studio.Db.Database, TimeProvider.System)
            .UpdateAsync(FirstScene(studio), s => s.EditImagePrompt(Hostile, DateTimeOffset.UtcNow), CancellationToken.None);
        return studio;
    }

    private static Guid FirstScene(CreatorStudio studio) => studio.Project.Sentences.First().Id;

    [Fact]
    public async Task Page_AndEachFragment_RenderWithPromptsEscaped()
    {
        await using var studio = await StartAsync();
        var sentence = FirstScene(studio);
        var url = $"/Projects/{studio.Project.Id}";

        var page = await studio.Alice.GetStringAsync(url);
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
            var response = await studio.Alice.GetAsync($"{url}?handler={handler}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(marker, html);
            Assert.DoesNotContain("<html", html);
            Assert.DoesNotContain("<script>alert", html);
        }
        var inspector = await studio.Alice.GetStringAsync($"{url}?handler=Inspector&sentenceId={sentence}");
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; a harbour", inspector);
        Assert.Equal(HttpStatusCode.NotFound, (await studio.Alice.GetAsync($"{url}?handler=Card&sentenceId={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Edit_WithoutTheAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        await using var studio = await StartAsync();
        var sentence = FirstScene(studio);
        var url = $"/Projects/{studio.Project.Id}";
        var page = await studio.Alice.GetStringAsync(url);

        var forged = await studio.Alice.HtmxPostAsync($"{url}?handler=Edit&sentenceId={sentence}", page, new() { ["videoPrompt"] = "forged" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotEqual("forged", (await new SentenceStore(studio.Db.Database, TimeProvider.System).GetAsync(sentence, CancellationToken.None))!.VideoPrompt);

        var saved = await studio.Alice.HtmxPostAsync($"{url}?handler=Edit&sentenceId={sentence}", page, new() { ["videoPrompt"] = "waves crash" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var live = await saved.Content.ReadAsStringAsync();
        // Nothing was generated yet: the scene's assets are missing, not stale.
        Assert.DoesNotContain("data-testid=\"live-badge-video\"", live);
        Assert.Contains("No image yet: Regenerate Image makes it from the prompt.", live);
        var stored = (await new SentenceStore(studio.Db.Database, TimeProvider.System).GetAsync(sentence, CancellationToken.None))!;
        Assert.Equal(("waves crash", true), (stored.VideoPrompt, stored.IsVideoDirty));
    }

    [Theory]
    [InlineData("cameraMovement", "zoomIn", null)]
    [InlineData("cameraMovement", "ZoomIn", "Unknown camera movement 'ZoomIn'; use one of static, zoomIn")]
    [InlineData("cameraMovement", "ZOOMIN", "Unknown camera movement 'ZOOMIN'")]
    [InlineData("cameraMovement", "1", "Unknown camera movement '1'")]
    [InlineData("motionStrength", "0.35", null)]
    [InlineData("motionStrength", "fast", "Motion strength must be a number, not 'fast'.")]
    [InlineData("motionStrength", "1.5", "Motion strength must be between")]
    [InlineData("seed", "42", null)]
    [InlineData("seed", "-1", "The seed must be a whole number of 0 or more")]
    [InlineData("text", "", "The sentence text cannot be empty.")]
    [InlineData("imagePrompt", "", null)]
    public async Task Edit_FromTheInspector_SavesTheClientSpellingAndRefusesAnyOtherByName(string field, string value, string? refusal)
    {
        await using var studio = await StartAsync();
        var sentence = FirstScene(studio);
        var url = $"/Projects/{studio.Project.Id}";
        var page = await studio.Alice.GetStringAsync(url);
        var sentences = new SentenceStore(studio.Db.Database, TimeProvider.System);
        var before = (await sentences.GetAsync(sentence, CancellationToken.None))!;

        var response = await studio.Alice.HtmxPostAsync($"{url}?handler=Edit&sentenceId={sentence}", page, new() { [field] = value });

        var after = (await sentences.GetAsync(sentence, CancellationToken.None))!;
        if (refusal is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual(before.Version, after.Version);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.StartsWith(refusal, await response.Content.ReadAsStringAsync());
            Assert.Equal(before.Version, after.Version);
        }
    }

    [Fact]
    public async Task Inspector_OffersEachCameraMovementUnderTheNameTheEditAccepts()
    {
        await using var studio = await StartAsync();
        var inspector = await studio.Alice.GetStringAsync($"/Projects/{studio.Project.Id}?handler=Inspector&sentenceId={FirstScene(studio)}");

        var offered = System.Text.RegularExpressions.Regex.Matches(inspector, "<option value=\"([^\"]+)\"").Select(m => m.Groups[1].Value);

        Assert.Equal(Grains.Domain.CameraMovementNames.All, offered);
    }

    [Fact]
    public async Task Handlers_ForAnotherCreatorsProject_Answer404AndChangeNothing()
    {
        await using var studio = await StartAsync();
        var sentence = FirstScene(studio);
        using var intruder = await studio.Factory.SignedInAsync("intruder@example.test");
        var ownPage = await intruder.GetStringAsync("/");
        var url = $"/Projects/{studio.Project.Id}";
        var snapshot = await StoreSnapshot.TakeAsync(studio.Db.Database);

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"{url}?handler=Inspector&sentenceId={sentence}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"{url}?handler=Section&sectionId={studio.Project.Sections[0].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.HtmxPostAsync($"{url}?handler=Edit&sentenceId={sentence}", ownPage, new() { ["imagePrompt"] = "mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.HtmxPostAsync($"{url}?handler=GenerateAll", ownPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.HtmxPostAsync($"{url}?handler=RegenerateImage&sentenceId={sentence}", ownPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.HtmxPostAsync($"{url}?handler=RegenerateAudio&sentenceId={sentence}", ownPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.HtmxPostAsync($"/?handler=Delete&id={studio.Project.Id}", ownPage)).StatusCode);

        Assert.Equal(snapshot, await StoreSnapshot.TakeAsync(studio.Db.Database));
    }

    [Fact]
    public async Task EditText_ShowsTheNarrationStale_AndRegenerateNarrationQueuesIt()
    {
        await using var studio = await StartAsync();
        var sentence = FirstScene(studio);
        var url = $"/Projects/{studio.Project.Id}";
        var page = await studio.Alice.GetStringAsync(url);
        // The inspector edits the narration text and saves it through the same handler as the prompts.
        var inspector = await studio.Alice.GetStringAsync($"{url}?handler=Inspector&sentenceId={sentence}");
        Assert.Matches("<textarea name=\"text\"[^>]*hx-post=\"[^\"]*handler=Edit", inspector);

        var edited = await (await studio.Alice.HtmxPostAsync($"{url}?handler=Edit&sentenceId={sentence}", page, new() { ["text"] = "The tide rolls out." })).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"audio-dirty-notice\"", edited);
        Assert.DoesNotContain("data-testid=\"audio-spinner\"", edited);

        var response = await studio.Alice.HtmxPostAsync($"{url}?handler=RegenerateAudio&sentenceId={sentence}", page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"audio-spinner\"", await response.Content.ReadAsStringAsync());
        var jobs = await studio.Db.Database.ReadAsync(c => Dapper.SqlMapper.QueryAsync<int>(c, "SELECT kind FROM jobs WHERE sentence_id = @sentence", new { sentence }), CancellationToken.None);
        Assert.Equal([(int)VideoGen.Grains.Domain.JobKind.Audio], jobs);
    }

    [Fact]
    public async Task GenerateAll_FromTheToolbar_AnswersTheToolbarWithProgress()
    {
        await using var studio = await StartAsync();
        var url = $"/Projects/{studio.Project.Id}";
        var page = await studio.Alice.GetStringAsync(url);

        var response = await studio.Alice.HtmxPostAsync($"{url}?handler=GenerateAll", page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var toolbar = await response.Content.ReadAsStringAsync();
        Assert.Contains("Generating... (0/3)", toolbar);
        Assert.Contains("data-testid=\"cancel-all\"", toolbar);
    }

    [Fact]
    public async Task Page_OfAThousandScenes_RendersOnlyTheFirstSectionsAndLoadsTheRestOnSight()
    {
        var script = string.Join("\n\n", Enumerable.Range(1, 50).Select(section =>
            $"# Part {section}\n" + string.Join(' ', Enumerable.Range(1, 20).Select(i => $"Scene {section}.{i} moves on."))));
        await using var studio = await CreatorStudio.StartAsync(name: "Long", script: script, complete: false);
        var project = studio.Project;
        Assert.Equal(1000, project.Sentences.Count());

        var page = await studio.Alice.GetStringAsync($"/Projects/{project.Id}");

        Assert.Equal(60, CountOf(page, "data-testid=\"card\""));
        Assert.Equal(47, CountOf(page, "hx-trigger=\"revealed\""));
        var later = await studio.Alice.GetStringAsync($"/Projects/{project.Id}?handler=Section&sectionId={project.Sections[40].Id}");
        Assert.Equal(20, CountOf(later, "data-testid=\"card\""));
        Assert.Contains("Scene 41.20 moves on.", later);

        // A section is found only under its own project, even for its owner.
        var other = await studio.Db.ImportAsync(studio.Owner, "Other", "Elsewhere.");
        Assert.Equal(HttpStatusCode.NotFound, (await studio.Alice.GetAsync($"/Projects/{other.Id}?handler=Section&sectionId={project.Sections[40].Id}")).StatusCode);
    }

    private static int CountOf(string text, string needle) =>
        (text.Length - text.Replace(needle, "", StringComparison.Ordinal).Length) / needle.Length;
}
