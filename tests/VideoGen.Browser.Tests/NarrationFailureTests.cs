using Microsoft.Playwright;

namespace VideoGen.Browser.Tests;

/// <summary>
/// A narration that fails stops its clip, and the creator reads why in one sentence, with the
/// speech program's own words behind "details"; "Retry failed" then makes narration and clip.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NarrationFailureTests
{
    [Fact]
    public async Task GenerateAll_WithNarrationFailing_MakesNoClip_ExplainsInOneSentence_AndRetryFailedMakesBoth()
    {
        using var espeak = new FlakyEspeak();
        await using var studio = await BrowserStudio.StartAsync(new Dictionary<string, string?> { ["Speech:EspeakPath"] = espeak.Path });
        var page = await studio.NewProjectAsync("Harbour", "The tide rolls in. Gulls cry.");

        await page.ClickAsync("[data-testid=generate-all]");
        var toast = page.Locator("[data-testid=toast]").First;
        await Assertions.Expect(toast).ToContainTextAsync("2 failed", new() { Timeout = 90_000 });
        await page.Locator("[data-testid=card]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=scene-error]")).ToBeVisibleAsync();
        await Assertions.Expect(toast).ToBeVisibleAsync();
        await AssertCoversNoControlAsync(page, toast);

        await Assertions.Expect(page.Locator("[data-testid=card-video]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=card-error]")).ToHaveCountAsync(2);
        await page.ClickAsync("[data-testid=show-errors]");
        var failure = page.Locator("[data-testid=error-summary] [data-testid=failure]");
        await Assertions.Expect(failure).ToHaveCountAsync(1);
        await Assertions.Expect(failure.Locator("[data-testid=failure-headline]"))
            .ToHaveTextAsync("The clip waits for its narration, which failed: espeak-ng could not speak the sentence.");
        await Assertions.Expect(failure).ToContainTextAsync("2 scenes");
        var detail = failure.Locator("[data-testid=failure-detail]");
        await Assertions.Expect(detail.Locator("pre").First).Not.ToBeVisibleAsync();
        await detail.Locator("summary").ClickAsync();
        await Assertions.Expect(detail.Locator("pre").First).ToContainTextAsync(FlakyEspeak.Complaint);
        await BrowserStudio.ScreenshotAsync(page, "narration-failed");

        espeak.Heal();
        await page.ClickAsync("[data-testid=retry-failed]");
        await Assertions.Expect(page.Locator("[data-testid=card-video]")).ToHaveCountAsync(2, new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("[data-testid=card-error]")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The toast stands over no button or link, with the page as it opened and with the inspector's
    /// actions scrolled to the bottom of the window, where a floating toast used to hide them.
    /// </summary>
    private static async Task AssertCoversNoControlAsync(IPage page, ILocator toast)
    {
        var handle = await toast.ElementHandleAsync();
        Assert.Empty(await CoveredAsync(page, handle));
        await page.Locator("#inspector .actions").First.EvaluateAsync("e => e.scrollIntoView({ block: 'end' })");
        Assert.Empty(await CoveredAsync(page, handle));
    }

    /// <summary>The text of every button and link outside the toast (its own "See why" is meant to be there) whose middle shows the toast instead of the control.</summary>
    private static Task<string[]> CoveredAsync(IPage page, IElementHandle toast) =>
        page.EvaluateAsync<string[]>("""
            toast => [...document.querySelectorAll("button, a")].filter(control => {
                if (toast.contains(control)) return false;
                const box = control.getBoundingClientRect();
                if (box.width === 0 || box.height === 0) return false;
                const x = box.left + box.width / 2, y = box.top + box.height / 2;
                if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
                const shown = document.elementFromPoint(x, y);
                return shown !== null && toast.contains(shown);
            }).map(control => control.textContent.trim())
            """, toast);
}
