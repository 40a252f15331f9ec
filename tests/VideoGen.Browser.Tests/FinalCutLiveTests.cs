using Microsoft.Playwright;

namespace VideoGen.Browser.Tests;

/// <summary>
/// The final-cut panel beside the storyboard knows, without a reload, which scenes are stale, failed
/// or missing, and an export of such scenes asks first: regenerate them, or export anyway.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FinalCutLiveTests
{
    [Fact]
    public async Task StaleScene_ShowsLiveInTheFinalCutPanel_AndExportingAsksFirst()
    {
        await using var studio = await BrowserStudio.StartAsync();
        var page = await studio.NewProjectAsync("Harbour", "The tide rolls in. Gulls cry over the harbour.");
        var panel = page.Locator("#final-cut");
        await Assertions.Expect(panel.Locator("[data-testid=unready]")).ToContainTextAsync("2 missing");
        await page.ClickAsync("[data-testid=generate-all]");
        await Assertions.Expect(page.Locator("[data-testid=toast]")).ToContainTextAsync("Generation finished", new() { Timeout = 90_000 });
        await Assertions.Expect(panel.Locator("[data-testid=all-ready]")).ToBeVisibleAsync();

        await page.Locator("[data-testid=card]").First.ClickAsync();
        await page.FillAsync("[data-testid=image-prompt]", "a storm rolls over the harbour at dusk, dramatic clouds");
        await Assertions.Expect(panel.Locator("[data-testid=unready]")).ToContainTextAsync("1 stale");
        await Assertions.Expect(panel.Locator("[data-testid=unready-scene]")).ToHaveAttributeAsync("data-problem", "stale");
        await Assertions.Expect(panel.Locator("[data-testid=unready-scene]")).ToContainTextAsync("Scene 1, “The tide rolls in.”: out of date");

        // Exporting asks first, and starts nothing until answered; the chosen settings stay. (The run's toast goes first: it sits over the panel.)
        await Assertions.Expect(page.Locator("[data-testid=toast]")).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await panel.Locator("select[name=Transitions]").SelectOptionAsync("crossfade");
        await panel.Locator("[data-testid=export]").ClickAsync();
        var question = panel.Locator("[data-testid=export-confirm]");
        await Assertions.Expect(question).ToContainTextAsync("Regenerate them first, or export anyway");
        await Assertions.Expect(panel.Locator(".export-status")).ToHaveCountAsync(0);
        await Assertions.Expect(panel.Locator("select[name=Transitions]")).ToHaveValueAsync("crossfade");
        await BrowserStudio.ScreenshotAsync(page, "final-cut-asks");

        await question.Locator("[data-testid=regenerate-first]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=cancel-all]")).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("[data-testid=all-ready]")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(panel.Locator(".export-status")).ToHaveCountAsync(0);

        // Once a scene is stale again, "export anyway" exports it as it is.
        await page.FillAsync("[data-testid=image-prompt]", "a calm harbour at dawn");
        await Assertions.Expect(panel.Locator("[data-testid=unready]")).ToContainTextAsync("1 stale");
        await Assertions.Expect(page.Locator("[data-testid=toast]").First).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await panel.Locator("[data-testid=export]").ClickAsync();
        await panel.Locator("[data-testid=export-anyway]").ClickAsync();
        await Assertions.Expect(panel.Locator(".export-status")).ToContainTextAsync("Completed", new() { Timeout = 90_000 });
        await Assertions.Expect(panel.Locator("[data-testid=unready]")).ToContainTextAsync("1 stale");
    }
}
