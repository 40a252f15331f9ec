using Microsoft.Playwright;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;

namespace VideoGen.Browser.Tests;

/// <summary>Takes and seeds as a creator uses them in the inspector, on the CPU preview device.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TakesTests
{
    [Fact]
    public async Task Variations_PickTheSecond_TheCardAndTheFinalCutUseIt()
    {
        await using var studio = await BrowserStudio.StartAsync();
        var page = await studio.NewProjectAsync("Quay", "The tide rolls in over the old stones.");
        var card = page.Locator("[data-testid=card]").First;
        var sentenceId = Guid.Parse((await card.GetAttributeAsync("data-sentence"))!);
        // Live swaps (progress, cards, takes) while the inspector is open must not throw in the page.
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        await card.ClickAsync();

        await page.SelectOptionAsync("[data-testid=variations-count]", "3");
        await page.ClickAsync("[data-testid=variations]");
        var strip = page.Locator("[data-testid=takes-image]");
        var takes = strip.Locator("[data-testid=take]");
        await Assertions.Expect(takes).ToHaveCountAsync(3, new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("[data-testid=image-spinner]")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        var seeds = await strip.Locator("[data-testid=take-seed]").AllTextContentsAsync();
        Assert.Equal(3, seeds.Distinct().Count());
        // The scene had no image: the first variation to finish became it (newest first, so it is the last in the strip).
        await Assertions.Expect(takes.Nth(2)).ToHaveAttributeAsync("aria-current", "true");
        await BrowserStudio.ScreenshotAsync(page, "takes-variations");

        // Two side by side before choosing.
        await takes.Nth(0).Locator("[data-testid=take-compare]").CheckAsync();
        await takes.Nth(1).Locator("[data-testid=take-compare]").CheckAsync();
        await Assertions.Expect(strip.Locator("[data-testid=take-compare-panel] img")).ToHaveCountAsync(2);
        Assert.Equal(new[] { (await takes.Nth(0).Locator("img").GetAttributeAsync("src"))!, (await takes.Nth(1).Locator("img").GetAttributeAsync("src"))! },
            await strip.Locator("[data-testid=take-compare-panel] img").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('src'))"));

        var second = takes.Nth(1);
        var secondId = (await second.GetAttributeAsync("data-take"))!;
        var secondUrl = (await second.Locator("img").GetAttributeAsync("src"))!;
        await second.Locator("[data-testid=take-activate]").ClickAsync();

        await Assertions.Expect(strip.Locator($"[data-take='{secondId}']")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(page.Locator("[data-testid=image-preview] img")).ToHaveAttributeAsync("src", secondUrl);
        await Assertions.Expect(card.Locator("[data-testid=card-image]")).ToHaveAttributeAsync("src", secondUrl);
        await Assertions.Expect(page.Locator("[data-testid=image-seed]")).ToHaveTextAsync("· " + seeds[1]);

        // The rest of the scene (its narration, and its clip from the picked image), then the final cut.
        await page.ClickAsync("[data-testid=generate-all]");
        await Assertions.Expect(card.Locator("[data-testid=card-video]")).ToHaveAttributeAsync("poster", secondUrl, new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("[data-testid=generate-all]")).ToHaveTextAsync("Generate All Scenes", new() { Timeout = 60_000 });
        await page.ClickAsync("[data-close-inspector]");
        await page.ClickAsync("#final-cut form button[type=submit]");
        await Assertions.Expect(page.Locator("#final-cut a[href^='/Exports/']")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await BrowserStudio.ScreenshotAsync(page, "takes-final-cut");

        var scene = (await new SentenceStore(studio.Database.Database, TimeProvider.System).GetAsync(sentenceId, CancellationToken.None))!;
        var all = await new TakeStore(studio.Database.Database, TimeProvider.System).ListAsync(sentenceId, CancellationToken.None);
        var clip = all.Single(t => t.Id == scene.VideoTakeId);
        Assert.Equal((Guid.Parse(secondId), Guid.Parse(secondId)), (scene.ImageTakeId ?? Guid.Empty, clip.Recipe.SourceImageTakeId ?? Guid.Empty));
        Assert.Equal(4, all.Count(t => t.Kind is AssetKind.Image or AssetKind.Video));
        await Assertions.Expect(page.Locator("#final-cut .out-of-date")).ToHaveCountAsync(0);
        Assert.Empty(pageErrors);
    }

    [Fact]
    public async Task NewSeed_ShowsTheFreshSeedAtOnce_AndWithTheImageItMade()
    {
        await using var studio = await BrowserStudio.StartAsync();
        var page = await studio.NewProjectAsync("Quay", "Gulls cry over the harbour.");
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        await page.Locator("[data-testid=card]").First.ClickAsync();
        var seed = page.Locator("[data-testid=seed]");
        await Assertions.Expect(seed).ToHaveValueAsync("");

        await page.ClickAsync("[data-testid=new-seed]");

        // Without a reload: the seed field and the image's caption show the seed just picked.
        await Assertions.Expect(seed).Not.ToHaveValueAsync("", new() { Timeout = 5_000 });
        var picked = await seed.InputValueAsync();
        Assert.True(long.TryParse(picked, out var value) && value >= 0, $"'{picked}' is not a seed");
        await Assertions.Expect(page.Locator("[data-testid=image-seed]")).ToHaveTextAsync($"· seed {picked}", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=takes-image] [data-testid=take-seed]").First).ToHaveTextAsync($"seed {picked}");

        await page.ClickAsync("[data-testid=new-seed]");
        await Assertions.Expect(seed).Not.ToHaveValueAsync(picked, new() { Timeout = 5_000 });
        var next = await seed.InputValueAsync();
        await Assertions.Expect(page.Locator("[data-testid=image-seed]")).ToHaveTextAsync($"· seed {next}", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=takes-image] [data-testid=take]")).ToHaveCountAsync(2);

        // "Use this seed" on the first image puts its seed back into the field.
        await page.Locator("[data-testid=takes-image] [data-testid=take]").Nth(1).Locator("[data-testid=take-reuse]").ClickAsync();
        await Assertions.Expect(seed).ToHaveValueAsync(picked);
        Assert.Empty(pageErrors);
    }
}
