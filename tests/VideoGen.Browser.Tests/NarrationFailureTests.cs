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

    /// <summary>The toast stands over no button or link of the page: it never hides what it speaks of.</summary>
    private static async Task AssertCoversNoControlAsync(IPage page, ILocator toast)
    {
        var box = await toast.BoundingBoxAsync() ?? throw new InvalidOperationException("The toast has no box.");
        var covered = new List<string>();
        foreach (var control in await page.Locator("button:visible, a:visible").AllAsync())
        {
            if (await control.BoundingBoxAsync() is not { } other) continue;
            var overlaps = box.X < other.X + other.Width && other.X < box.X + box.Width && box.Y < other.Y + other.Height && other.Y < box.Y + box.Height;
            if (overlaps) covered.Add((await control.InnerTextAsync()).Trim());
        }
        Assert.True(covered.Count == 0, $"The toast covers: {string.Join(", ", covered)}");
    }
}
