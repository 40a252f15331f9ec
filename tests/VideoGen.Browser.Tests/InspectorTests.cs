using Microsoft.Playwright;

namespace VideoGen.Browser.Tests;

/// <summary>The scene inspector as a creator uses it: open, switch, close, reopen, all on one page load.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InspectorTests
{
    [Fact]
    public async Task Inspector_OpenSwitchCloseReopen_ShowsTheClickedSceneEachTime()
    {
        await using var studio = await BrowserStudio.StartAsync();
        var page = await studio.NewProjectAsync("Quay", "The tide rolls in. Gulls cry over the harbour. The market fills with voices.");
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        var cards = page.Locator("[data-testid=card]");
        var inspector = page.Locator("[data-testid=inspector]");
        await Assertions.Expect(cards).ToHaveCountAsync(3);

        await cards.Nth(0).ClickAsync();
        await Assertions.Expect(inspector.Locator("[data-testid=scene-text]")).ToHaveValueAsync("The tide rolls in.");
        await Assertions.Expect(cards.Nth(0)).ToHaveAttributeAsync("aria-current", "true");

        await cards.Nth(1).ClickAsync();
        await Assertions.Expect(inspector.Locator("[data-testid=scene-text]")).ToHaveValueAsync("Gulls cry over the harbour.");
        await Assertions.Expect(cards.Nth(1)).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(cards.Nth(0)).Not.ToHaveAttributeAsync("aria-current", "true");

        await page.ClickAsync("[data-close-inspector]");
        await Assertions.Expect(inspector).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=card][aria-current]")).ToHaveCountAsync(0);

        await cards.Nth(0).ClickAsync();
        await Assertions.Expect(inspector.Locator("[data-testid=scene-text]")).ToHaveValueAsync("The tide rolls in.");
        await Assertions.Expect(cards.Nth(0)).ToHaveAttributeAsync("aria-current", "true");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task RefusedEdit_ShowsItsErrorAtTheField_UntilTheCreatorFixesIt()
    {
        await using var studio = await BrowserStudio.StartAsync();
        var page = await studio.NewProjectAsync("Quay", "The tide rolls in. Gulls cry over the harbour.");
        await page.Locator("[data-testid=card]").First.ClickAsync();
        var seed = page.Locator("[data-testid=seed]");
        var text = page.Locator("[data-testid=scene-text]");

        await Assertions.Expect(page.Locator("[data-testid=image-prompt]")).ToHaveAttributeAsync("maxlength", "4000");
        await Assertions.Expect(page.Locator("[data-testid=video-prompt]")).ToHaveAttributeAsync("maxlength", "4000");
        await Assertions.Expect(text).ToHaveAttributeAsync("maxlength", "2000");

        await seed.FillAsync("-5");
        await seed.DispatchEventAsync("change");
        await Assertions.Expect(seed).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("[data-field-error=seed]")).ToContainTextAsync("Not saved: The seed must be a whole number of 0 or more");
        await Assertions.Expect(page.Locator("[data-testid=toast]")).ToHaveCountAsync(0);

        await seed.FillAsync("42");
        await seed.DispatchEventAsync("change");
        await Assertions.Expect(seed).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("[data-field-error=seed]")).ToBeHiddenAsync();

        await text.FillAsync("");
        await Assertions.Expect(text).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("[data-field-error=text]")).ToContainTextAsync("Not saved: The sentence text cannot be empty.");
        await BrowserStudio.ScreenshotAsync(page, "inspector-refused");
        await text.FillAsync("The tide rolls out.");
        await Assertions.Expect(page.Locator("[data-field-error=text]")).ToBeHiddenAsync();
        await Assertions.Expect(text).Not.ToHaveAttributeAsync("aria-invalid", "true");
    }
}
