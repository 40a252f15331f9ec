using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace VideoGen.Browser.Tests;

/// <summary>
/// The toolbar's "Generating... (k/n)" and its bar over a whole run, as the page showed them: n stays
/// the run's, k only grows, the bar only fills, also when a single regeneration joins the run.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RunProgressTests
{
    /// <summary>Records every state of the toolbar's button and bar the page shows, each once.</summary>
    private const string RecordToolbar = """
        () => {
          window.toolbarSeen = [];
          const record = () => {
            const button = document.querySelector('[data-testid=generate-all]');
            const bar = document.querySelector('[data-testid=progress]');
            const entry = (button ? button.textContent.trim() : '') + '|' + (bar ? bar.getAttribute('value') : '');
            if (window.toolbarSeen[window.toolbarSeen.length - 1] !== entry) window.toolbarSeen.push(entry);
          };
          record();
          new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        """;

    [Fact]
    public async Task GenerateAll_WithASingleRegenerationJoining_CountsUpAndFillsWithoutGoingBack()
    {
        await using var studio = await BrowserStudio.StartAsync();
        var script = string.Join(' ', Enumerable.Range(1, 6).Select(i => $"Scene {i} drifts by slowly."));
        var page = await studio.NewProjectAsync("Counting", script);
        await page.EvaluateAsync(RecordToolbar);

        await page.ClickAsync("[data-testid=generate-all]");
        // Once a scene has its clip, the creator regenerates its image while the rest of the run goes on.
        var finished = page.Locator("[data-testid=card]:has([data-testid=card-video])").First;
        await Assertions.Expect(finished).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("[data-testid=cancel-all]")).ToBeVisibleAsync();
        await finished.ClickAsync();
        await page.ClickAsync("[data-testid=inspector] [data-testid=regenerate-image]");
        await Assertions.Expect(page.Locator("[data-testid=generate-all]")).ToHaveTextAsync("Generate All Scenes", new() { Timeout = 120_000 });

        var seen = await page.EvaluateAsync<string[]>("() => window.toolbarSeen");
        var run = seen.Select(entry => Generating().Match(entry)).Where(m => m.Success)
            .Select(m => (K: int.Parse(m.Groups[1].Value), N: int.Parse(m.Groups[2].Value), Bar: int.Parse(m.Groups[3].Value))).ToArray();
        var shown = string.Join(" → ", seen);
        Assert.True(run.Length >= 3, $"too few states of the run were seen: {shown}");
        Assert.All(run, step => Assert.True(step.N == 6, $"the run's count changed: {shown}"));
        for (var i = 1; i < run.Length; i++)
        {
            Assert.True(run[i].K >= run[i - 1].K, $"the count went back: {shown}");
            Assert.True(run[i].Bar >= run[i - 1].Bar, $"the bar emptied: {shown}");
        }
        // One run from start to end: the toolbar never left "Generating" in between.
        var firstGenerating = Array.FindIndex(seen, e => e.StartsWith("Generating", StringComparison.Ordinal));
        var lastGenerating = Array.FindLastIndex(seen, e => e.StartsWith("Generating", StringComparison.Ordinal));
        Assert.True(seen[firstGenerating..(lastGenerating + 1)].All(e => e.StartsWith("Generating", StringComparison.Ordinal)), $"the run broke in two: {shown}");
        await Assertions.Expect(page.Locator("[data-testid=toast]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=toast]")).ToContainTextAsync("Generation finished: 6 scenes generated.");
    }

    [GeneratedRegex(@"^Generating\.\.\. \((\d+)/(\d+)\)\|(\d+)$")]
    private static partial Regex Generating();
}
