using Microsoft.Playwright;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Browser.Tests;

/// <summary>The toast at the end of a run says what that run did, never that everything is ready when it is not.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RunToastTests
{
    [Fact]
    public async Task RunWithAFailedScene_ToastNamesWhatFailed_AndSeeWhyOpensTheReasons()
    {
        await using var comfyUi = await FakeComfyUi.StartAsync();
        comfyUi.FailNextPrompts(1, FakeFailure.NodeError);
        await using var studio = await BrowserStudio.StartAsync(comfyUi);
        var page = await studio.NewProjectAsync("Fragile", "The bridge sways. The river runs on. A boat drifts past.");

        await page.ClickAsync("[data-testid=generate-all]");
        var toast = page.Locator("[data-testid=toast]");
        await Assertions.Expect(toast).ToContainTextAsync("Generation finished with errors: 2 scenes generated, 1 failed.", new() { Timeout = 60_000 });
        await Assertions.Expect(toast).Not.ToContainTextAsync("ready");
        await Assertions.Expect(toast).ToContainTextAsync("Still to do: 1 scene not generated yet.");

        await toast.Locator("[data-testid=toast-see-why]").ClickAsync();
        var summary = page.Locator("[data-testid=error-summary]");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.Locator("[data-testid=failure]")).ToContainTextAsync("The bridge sways.");
        await BrowserStudio.ScreenshotAsync(page, "toast-failed");
    }

    [Fact]
    public async Task ImageOnlyRegeneration_ToastSaysTheClipIsStillOutOfDate()
    {
        await using var studio = await BrowserStudio.StartAsync();
        var page = await studio.NewProjectAsync("Lighthouse", "The tide rolls in. Gulls cry over the harbour.");
        await page.ClickAsync("[data-testid=generate-all]");
        await Assertions.Expect(page.Locator("[data-testid=toast]")).ToContainTextAsync("Generation finished: 2 scenes generated.", new() { Timeout = 90_000 });

        await page.Locator("[data-testid=card]").First.ClickAsync();
        await page.CheckAsync("[data-testid=skip-video]");
        await page.ClickAsync("[data-testid=inspector] [data-testid=regenerate-image]");

        var toast = page.Locator("[data-testid=toast]").First;
        await Assertions.Expect(toast).ToContainTextAsync("Generation finished: 1 scene generated.", new() { Timeout = 60_000 });
        await Assertions.Expect(toast).ToContainTextAsync("Still to do: 1 clip out of date.");
        await Assertions.Expect(toast).Not.ToContainTextAsync("ready");
    }
}
