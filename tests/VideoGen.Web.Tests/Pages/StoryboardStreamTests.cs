using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;
using VideoGen.Web.Live;
using VideoGen.Web.Storyboard;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Pages;

/// <summary>The storyboard page's live stream as several open pages of one project receive it.</summary>
public sealed partial class StoryboardStreamTests
{
    private const int Pages = 4;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OpenPagesOfAProject_ReceiveTheSameFragments_BuiltOnceForAllOverOneSubscription(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // No fallback poll: what the pages receive came over the project's stream.
        await using var factory = new StudioFactory(db, new Dictionary<string, string?> { ["Live:FallbackPollMilliseconds"] = "600000" });
        using var client = await factory.SignedInAsync("creator@example.test");
        var project = await db.ImportAsync(await db.UserIdAsync("creator@example.test"), "Tides", "The tide rolls in. Gulls cry.");
        var sentence = project.Sentences.First().Id;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // An image to go stale: a prompt edited before any image is made leaves it missing, with no badge.
        await new SentenceStore(db.Database, TimeProvider.System).UpdateAsync(sentence, s => s.ImageStored("projects/p/image.png", DateTimeOffset.UtcNow), timeout.Token);

        // Each page opens the stream its own HTML names, as htmx does.
        var url = $"/Projects/{project.Id}";
        Assert.DoesNotContain("data-testid=\"badge-image\"", await client.GetStringAsync($"{url}?handler=Card&sentenceId={sentence}"));
        var feeds = factory.Services.GetRequiredService<ProjectFeeds>();
        var subscriptions = feeds.Subscriptions;
        var pages = new List<SseClient>();
        try
        {
            for (var i = 0; i < Pages; i++)
                pages.Add(await SseClient.OpenAsync(client, WebUtility.HtmlDecode(SseConnect().Match(await client.GetStringAsync(url)).Groups[1].Value), timeout.Token));
            var frames = factory.Services.GetRequiredService<StoryboardFrames>();
            var built = frames.Built;
            while (feeds.LogReads(project.Id) == 0) await Task.Delay(10, timeout.Token);

            // Once the node follows the project (and has looked in the log once), through the app's own store, whose commits publish on the project's stream.
            await new SentenceStore(factory.Services.GetRequiredService<Database>(), TimeProvider.System).UpdateAsync(sentence, s => s.EditImagePrompt("a storm over the harbour", DateTimeOffset.UtcNow), timeout.Token);

            var received = new List<(string Card, string Toolbar, long Id)>();
            foreach (var page in pages)
            {
                var card = await page.NextAsync($"card-{sentence}", timeout.Token);
                var toolbar = await page.NextAsync("toolbar", timeout.Token);
                received.Add((card, toolbar, page.LastId));
            }
            Assert.Contains("data-testid=\"badge-image\"", received[0].Card);
            Assert.All(received, r => Assert.Equal(received[0], r));
            Assert.True(received[0].Id > 0);
            Assert.Equal(built + 1, frames.Built);
            Assert.Equal(subscriptions + 1, feeds.Subscriptions);
            Assert.True(feeds.Streamed(project.Id) >= 1, "the change did not come over the project's stream");
            Assert.Contains(project.Id, feeds.Open);
        }
        finally
        {
            foreach (var page in pages) page.Dispose();
        }
        // The last page to close ends the node's subscription to the project's stream.
        while (feeds.Open.Contains(project.Id)) await Task.Delay(20, timeout.Token);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IdleProjectAfterARun_BatchWithoutSceneChanges_SendsOnlyTheToolbar(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db, new Dictionary<string, string?> { ["Live:FallbackPollMilliseconds"] = "600000" });
        using var client = await factory.SignedInAsync("creator@example.test");
        var owner = await db.UserIdAsync("creator@example.test");
        var project = await db.ImportAsync(owner, "Tides", "The tide rolls in. Gulls cry.");
        await db.GiveAssetsAsync(project);
        // A run that has ended: the project's last run stays its current one while nothing is queued.
        await db.RunImageJobAsync(project.Sentences.First().Id, "gpu-test", DeviceKind.ComfyUi, TimeSpan.FromSeconds(1));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feeds = factory.Services.GetRequiredService<ProjectFeeds>();
        using var page = await SseClient.OpenAsync(client,
            WebUtility.HtmlDecode(SseConnect().Match(await client.GetStringAsync($"/Projects/{project.Id}")).Groups[1].Value), timeout.Token);
        while (feeds.LogReads(project.Id) == 0) await Task.Delay(10, timeout.Token);

        // An export changes no scene: its events, published by the app's own store, are the first the page receives.
        var database = factory.Services.GetRequiredService<Database>();
        await new ExportScheduler(database, NoLanes.Instance, new JobScheduler(database, NoLanes.Instance, TimeProvider.System), TimeProvider.System)
            .StartAsync(project.Id, owner, new ExportSettings(false, ExportTransition.Cut, 24), timeout.Token);
        var names = new List<string>();
        while (names.LastOrDefault() != "toolbar") names.Add((await page.NextAsync(timeout.Token)).Name);

        Assert.Equal(["toolbar"], names);
    }

    [GeneratedRegex("sse-connect=\"([^\"]+)\"")]
    private static partial Regex SseConnect();
}
