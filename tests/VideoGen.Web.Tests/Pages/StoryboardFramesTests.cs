using Microsoft.Extensions.DependencyInjection;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.Web.Storyboard;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Pages;

/// <summary>What a batch of a project's events puts on the storyboard's stream.</summary>
public sealed class StoryboardFramesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Frame_SignalsTakes_OnlyForScenesWhoseOwnEventsAreInTheBatch(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        using var client = await factory.SignedInAsync("creator@example.test");
        var project = await db.ImportAsync(await db.UserIdAsync("creator@example.test"), "Tides", "The tide rolls in. Gulls cry.");
        var (first, second) = (project.Sentences.First().Id, project.Sentences.Last().Id);
        var frames = factory.Services.GetRequiredService<StoryboardFrames>();
        var at = DateTimeOffset.UtcNow;

        var progress = await frames.ForBatchAsync(project,
            [new StoredEvent(1, 1, project.Id, "progress", Guid.NewGuid(), $$"""{"sentenceId":"{{first}}","progress":0.4}""", at)], wantToast: false, CancellationToken.None);
        var changed = await frames.ForBatchAsync(project,
        [
            new StoredEvent(2, 2, project.Id, "progress", Guid.NewGuid(), $$"""{"sentenceId":"{{first}}","progress":0.5}""", at),
            new StoredEvent(3, 3, project.Id, "sentence", second, "{}", at),
        ], wantToast: false, CancellationToken.None);

        Assert.Contains($"event: live-{first}\n", progress.Scenes);
        Assert.DoesNotContain("event: takes-", progress.Scenes);
        Assert.Contains($"event: takes-{second}\ndata: {second}\n", changed.Scenes);
        Assert.DoesNotContain($"event: takes-{first}", changed.Scenes);
    }
}
