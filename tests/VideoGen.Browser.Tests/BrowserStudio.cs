using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VideoGen.TestSupport;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Browser.Tests;

/// <summary>
/// The whole studio on a real port (Kestrel), with its in-process silo on the CPU preview
/// device, and Debian's Chromium driven by Playwright. Screenshots go to <c>TestResults/screenshots</c>.
/// </summary>
public sealed partial class BrowserStudio : WebApplicationFactory<Program>
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TestDatabase _database;
    private readonly string _media = Path.Combine(Path.GetTempPath(), "videogen-tests", Guid.NewGuid().ToString("N"), "media");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private readonly IReadOnlyDictionary<string, string?> _settings;

    private BrowserStudio(TestDatabase database, IReadOnlyDictionary<string, string?> settings)
    {
        _database = database;
        _settings = settings;
        UseKestrel(0);
    }

    public TestDatabase Database => _database;
    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Starts the studio; <paramref name="settings"/> may configure devices (the preview device otherwise).</summary>
    public static async Task<BrowserStudio> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        // Expectations poll until they hold; on a shared two-core machine that also encodes clips, a page
        // may take longer than Playwright's 5 s default to show what it will show.
        Assertions.SetDefaultExpectTimeout(15_000);
        var studio = new BrowserStudio(await TestDatabase.CreateAsync("sqlite"), settings ?? new Dictionary<string, string?>());
        studio.StartServer();
        studio.BaseUrl = studio.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1");
        studio._playwright = await Playwright.CreateAsync();
        studio._browser = await studio._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return studio;
    }

    /// <summary>Starts the studio with one ComfyUI device, <paramref name="comfyUi"/>, in place of the preview device.</summary>
    public static Task<BrowserStudio> StartAsync(FakeComfyUi comfyUi) => StartAsync(new Dictionary<string, string?>
    {
        ["Devices:0:Name"] = "gpu-0",
        ["Devices:0:Kind"] = "comfyui",
        ["Devices:0:Url"] = comfyUi.BaseUrl.ToString(),
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Store:Provider", _database.Provider);
        builder.UseSetting("Store:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Media:Root", _media);
        builder.UseSetting("Silo:Enabled", "true");
        builder.UseSetting("Silo:Name", "browser-tests");
        foreach (var (key, value) in ClusterPorts.Settings()) builder.UseSetting(key, value);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary>A new browser page, signed in as a freshly registered creator.</summary>
    public async Task<IPage> SignedInPageAsync(string email = "creator@example.test")
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/Account/Register");
        await page.FillAsync("input[name='Input.Email'], input[type=email]", email);
        foreach (var password in await page.QuerySelectorAllAsync("input[type=password]")) await password.FillAsync("Str0ng!Passw0rd");
        await page.ClickAsync("form button[type=submit]");
        // Registration lands on the projects list. Waiting for what that page shows, rather than for its
        // "load" lifecycle event after the POST's redirect, does not hang when the driver misses that event.
        await Assertions.Expect(page.Locator("[data-testid=new-project]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>
    /// A new browser page of a freshly registered creator, who makes a project through the pages
    /// (the projects list's button, then the form); it ends on the project's storyboard.
    /// </summary>
    public async Task<IPage> NewProjectAsync(string name, string script)
    {
        var page = await SignedInPageAsync($"creator-{Guid.NewGuid():N}@example.test");
        await page.GotoAsync("/");
        await page.ClickAsync("[data-testid=new-project]");
        await page.FillAsync("[data-testid=project-name]", name);
        await page.FillAsync("[data-testid=script]", script);
        await page.ClickAsync("[data-testid=create-project]");
        await Assertions.Expect(page).ToHaveURLAsync(ProjectUrl(), new() { Timeout = 30_000 });
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        await _database.DisposeAsync();
        try { Directory.Delete(Path.GetDirectoryName(_media)!, recursive: true); }
        catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    [GeneratedRegex(@"/Projects/[0-9a-f-]{36}$")]
    private static partial Regex ProjectUrl();
}
