using Microsoft.Playwright;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Browser.Tests;

/// <summary>The operator's devices page in a browser: its silo from membership, the job a lane runs, the queues; kept fresh by htmx.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DevicesPageTests
{
    [Fact]
    public async Task DevicesPage_WhileAnImageRuns_ShowsTheActiveSiloTheLanesJobAndTheQueues()
    {
        await using var comfyUi = await FakeComfyUi.StartAsync();
        comfyUi.JobDuration = TimeSpan.FromSeconds(60);
        await using var studio = await BrowserStudio.StartAsync(new Dictionary<string, string?>
        {
            ["Devices:0:Name"] = "gpu-0",
            ["Devices:0:Kind"] = "comfyui",
            ["Devices:0:Url"] = comfyUi.BaseUrl.ToString(),
        });
        // The first account is the operator's.
        var page = await studio.SignedInPageAsync("operator@example.test");
        await page.GotoAsync("/Devices");
        await Assertions.Expect(page.Locator("[data-testid=silo]")).ToContainTextAsync("browser-tests");
        await Assertions.Expect(page.Locator("[data-testid=silo]")).ToContainTextAsync("active");
        await Assertions.Expect(page.Locator("[data-testid=device-gpu-0]")).ToContainTextAsync("image: idle");
        await Assertions.Expect(page.Locator("[data-testid=device-gpu-0] ul.lanes")).Not.ToContainTextAsync("@");

        var creator = await studio.NewProjectAsync("Tides", "The tide rolls in. Gulls cry.");
        await creator.ClickAsync("[data-testid=generate-all]");

        // No reload: the page's 5-second poll brings the running job and the queue in.
        await Assertions.Expect(page.Locator("[data-testid=device-gpu-0] [data-testid=lane-job]")).ToContainTextAsync("image job", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=queue-image]")).ToContainTextAsync("image");
        await Assertions.Expect(page.Locator("[data-testid=queue-image] td").Nth(2)).ToHaveTextAsync("1");
        await BrowserStudio.ScreenshotAsync(page, "devices");
    }
}
