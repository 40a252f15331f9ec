using System.Text;
using Microsoft.Playwright;

namespace VideoGen.Browser.Tests;

/// <summary>
/// The storyboard's live fragments replace themselves. A fragment that arrives right after
/// another one for the same element must still land: the replacement has to be listening at once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveSwapTests
{
    [Fact]
    public async Task TwoUpdatesForOneCard_InOneBurst_TheSecondWins()
    {
        await using var studio = await BrowserStudio.StartAsync();
        var page = await studio.NewProjectAsync("Burst", "The tide rolls in. Gulls cry over the harbour.");
        var card = page.Locator("[data-testid=card]").First;
        await Assertions.Expect(card).ToBeVisibleAsync();
        var id = await card.GetAttributeAsync("data-sentence");
        var markup = await page.Locator($"#card-{id}").EvaluateAsync<string>("e => e.outerHTML");
        var text = await card.Locator("p.text").InnerTextAsync();

        // The real card markup twice, back to back in one chunk of the stream, as a busy run sends it.
        var burst = new StringBuilder();
        foreach (var label in new[] { "first update", "second update" })
        {
            burst.Append($"event: card-{id}\n");
            foreach (var line in markup.Replace(text, label).Split('\n')) burst.Append($"data: {line}\n");
            burst.Append('\n');
        }
        var burstSent = 0;
        await page.RouteAsync("**/*handler=Stream*", route => Interlocked.Exchange(ref burstSent, 1) == 0
            ? route.FulfillAsync(new() { Status = 200, ContentType = "text/event-stream", Body = "retry: 600000\n\n" + burst })
            : route.FulfillAsync(new() { Status = 204 }));
        await page.ReloadAsync();

        await Assertions.Expect(page.Locator("[data-testid=card] p.text").First).ToHaveTextAsync("second update", new() { Timeout = 5_000 });
    }
}
