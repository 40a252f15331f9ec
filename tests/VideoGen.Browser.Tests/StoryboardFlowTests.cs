using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace VideoGen.Browser.Tests;

/// <summary>A creator's flows through the storyboard in Chromium, on the CPU preview device.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class StoryboardFlowTests
{
    private const string Name = "Harbour <b>day</b>";
    private const string Script = "# Dawn\nThe tide rolls in. Gulls cry over the harbour.\n\n# Noon\nThe market fills with voices.";

    private static async Task GenerateAllAsync(IPage page, int scenes)
    {
        await page.ClickAsync("[data-testid=generate-all]");
        await Assertions.Expect(page.Locator("[data-testid=toast]")).ToContainTextAsync($"Generation finished: {scenes} scenes generated.", new() { Timeout = 90_000 });
    }

    [Fact]
    public async Task GenerateAll_FromAPastedScript_ShowsProgressThenFillsEveryCard()
    {
        await using var studio = await BrowserStudio.StartAsync();
        var page = await studio.NewProjectAsync(Name, Script);
        var cards = page.Locator("[data-testid=card]");
        await Assertions.Expect(cards).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Name);

        await page.ClickAsync("[data-testid=generate-all]");
        await Assertions.Expect(page.Locator("[data-testid=generate-all]")).ToHaveTextAsync(Generating(), new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("[data-testid=progress]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=toast]")).ToContainTextAsync("Generation finished: 3 scenes generated.", new() { Timeout = 90_000 });

        await Assertions.Expect(page.Locator("[data-testid=card-video]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=generate-all]")).ToHaveTextAsync("Generate All Scenes");
        await BrowserStudio.ScreenshotAsync(page, "storyboard");
    }

    [Fact]
    public async Task EditImagePrompt_ShowsBothBadgesLive_AndRegeneratingCascadesToTheVideo()
    {
        await using var studio = await BrowserStudio.StartAsync();
        var page = await studio.NewProjectAsync(Name, Script);
        await GenerateAllAsync(page, 3);
        var card = page.Locator("[data-testid=card]").First;
        var oldImage = await card.Locator("video").GetAttributeAsync("poster");

        await card.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=inspector]")).ToBeVisibleAsync();
        await page.FillAsync("[data-testid=image-prompt]", "a storm rolls over the harbour at dusk, dramatic clouds");
        await Assertions.Expect(card.Locator("[data-testid=badge-image]")).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator("[data-testid=badge-video]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=image-dirty-notice]")).ToHaveTextAsync("Prompt changed. Regenerate to update image.");
        await BrowserStudio.ScreenshotAsync(page, "inspector-dirty");

        await page.ClickAsync("[data-testid=regenerate-image]");
        await Assertions.Expect(page.Locator("[data-testid=cascade]").First).ToContainTextAsync("Video", new() { Timeout = 10_000 });
        await Assertions.Expect(card.Locator("[data-testid=badge-image]")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Assertions.Expect(card.Locator("[data-testid=badge-video]")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Assertions.Expect(card.Locator("[data-testid=spinner]")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        Assert.NotEqual(oldImage, await card.Locator("video").GetAttributeAsync("poster"));
        await BrowserStudio.ScreenshotAsync(page, "inspector");
    }

    [Fact]
    public async Task RegenerateImage_WithSkipVideo_LeavesTheVideoBadge()
    {
        await using var studio = await BrowserStudio.StartAsync();
        var page = await studio.NewProjectAsync(Name, Script);
        await GenerateAllAsync(page, 3);
        var card = page.Locator("[data-testid=card]").Nth(1);

        await card.ClickAsync();
        await page.FillAsync("[data-testid=image-prompt]", "gulls circling a lighthouse");
        await Assertions.Expect(card.Locator("[data-testid=badge-image]")).ToBeVisibleAsync();
        await page.CheckAsync("[data-testid=skip-video]");
        await page.ClickAsync("[data-testid=regenerate-image]");

        await Assertions.Expect(card.Locator("[data-testid=badge-image]")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Assertions.Expect(card.Locator("[data-testid=spinner]")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Assertions.Expect(card.Locator("[data-testid=badge-video]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=toolbar]")).ToContainTextAsync("Regenerate 1 dirty videos");
        await Assertions.Expect(page.Locator("[data-testid=video-dirty-notice]")).ToContainTextAsync("The clip is out of date: the image changed.");
    }

    [Fact]
    public async Task Cancel_DuringABulkRun_StopsTheRemainingScenes()
    {
        await using var studio = await BrowserStudio.StartAsync();
        var script = string.Join(' ', Enumerable.Range(1, 16).Select(i => $"Scene {i} drifts by slowly."));
        var page = await studio.NewProjectAsync(Name, script);

        await page.ClickAsync("[data-testid=generate-all]");
        await Assertions.Expect(page.Locator("[data-testid=cancel-all]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=cancel-all]");

        await Assertions.Expect(page.Locator("[data-testid=generate-all]")).ToHaveTextAsync("Generate All Scenes", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=spinner]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        Assert.True(await page.Locator("[data-testid=card-video]").CountAsync() < 16, "the cancelled run still finished every scene");
        await Assertions.Expect(page.Locator("[data-testid=toast]")).ToContainTextAsync("Generation cancelled");
    }

    [GeneratedRegex(@"^Generating\.\.\. \(\d+/3\)$")]
    private static partial Regex Generating();
}
