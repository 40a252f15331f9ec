using Microsoft.Playwright;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Browser.Tests;

/// <summary>A scene that fails on a ComfyUI device (the fake server) shows in the error summary, and "Retry failed" fixes it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ErrorSummaryTests
{
    [Fact]
    public async Task FailingScene_AppearsInTheErrorSummary_AndRetryFailedFixesIt()
    {
        await using var comfyUi = await FakeComfyUi.StartAsync();
        comfyUi.FailNextPrompts(1, FakeFailure.NodeError);
        await using var studio = await BrowserStudio.StartAsync(comfyUi);
        var page = await studio.NewProjectAsync("Fragile", "The bridge sways. The river runs on.");

        await page.ClickAsync("[data-testid=generate-all]");
        await Assertions.Expect(page.Locator("[data-testid=toast]")).ToContainTextAsync("1 scene generated, 1 failed", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=card-error]")).ToHaveCountAsync(1);
        await page.ClickAsync("[data-testid=show-errors]");
        var summary = page.Locator("[data-testid=error-summary]");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.Locator("[data-testid=failure]")).ToContainTextAsync("The bridge sways.");
        await Assertions.Expect(summary.Locator("[data-testid=failure]")).ToContainTextAsync("RuntimeError");
        await BrowserStudio.ScreenshotAsync(page, "error-summary");

        await page.ClickAsync("[data-testid=retry-failed]");
        await Assertions.Expect(page.Locator("[data-testid=toast]").First).ToContainTextAsync("Generation finished: 1 scene generated.", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=card-error]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=card-video]")).ToHaveCountAsync(2);
    }
}
