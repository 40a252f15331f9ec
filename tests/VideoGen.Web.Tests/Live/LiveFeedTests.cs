using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.Web.Live;
using VideoGen.Web.Tests.Api;

namespace VideoGen.Web.Tests.Live;

/// <summary>
/// How a web node's feed of a project gets events to its open streams: over the project's Orleans
/// stream when the committer published, from the log when a message is missing. A commit made
/// through another handle on the database (no publisher) stands for a publisher killed between
/// its commit and its publication.
/// </summary>
public sealed class LiveFeedTests
{
    private static readonly Dictionary<string, string?> NoPoll = new() { ["Live:FallbackPollMilliseconds"] = "600000" };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Commit_ThroughAGrain_ReachesTheOpenStreamOverTheProjectStream(string provider)
    {
        await using var session = await ApiSession.StartAsync(provider, NoPoll);
        var (projectId, sentences) = await CreateAsync(session);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await OpenAsync(session, projectId, timeout.Token);
        var feeds = session.Factory.Services.GetRequiredService<ProjectFeeds>();
        var reads = feeds.LogReads(projectId);

        await EditAsync(session, sentences[0], "one");

        var (id, data) = await NextSentenceAsync(stream, timeout.Token);
        Assert.Contains(sentences[0].ToString(), data);
        Assert.Equal(await HeadAsync(session, projectId), id);
        Assert.True(feeds.Streamed(projectId) >= 1, "the event did not come over the project's stream");
        Assert.Equal(reads, feeds.LogReads(projectId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MessageNeverPublished_IsReadFromTheLog_WhenTheNextOneShowsTheGap(string provider)
    {
        await using var session = await ApiSession.StartAsync(provider, NoPoll);
        var (projectId, sentences) = await CreateAsync(session);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await OpenAsync(session, projectId, timeout.Token);
        var feeds = session.Factory.Services.GetRequiredService<ProjectFeeds>();
        var reads = feeds.LogReads(projectId);
        var before = await HeadAsync(session, projectId);

        await new SentenceStore(session.Db.Database, TimeProvider.System).UpdateAsync(sentences[1], s => s.EditImagePrompt("lost", DateTimeOffset.UtcNow), timeout.Token);
        await EditAsync(session, sentences[0], "found");

        var first = await NextSentenceAsync(stream, timeout.Token);
        var second = await NextSentenceAsync(stream, timeout.Token);
        Assert.Equal((before + 1, before + 2), (first.Id, second.Id));
        Assert.Contains(sentences[1].ToString(), first.Data);
        Assert.Contains(sentences[0].ToString(), second.Data);
        Assert.Equal(reads + 1, feeds.LogReads(projectId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LastMessageNeverPublished_IsFoundByTheSlowPoll(string provider)
    {
        await using var session = await ApiSession.StartAsync(provider, new Dictionary<string, string?> { ["Live:FallbackPollMilliseconds"] = "200" });
        var (projectId, sentences) = await CreateAsync(session);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await OpenAsync(session, projectId, timeout.Token);

        await new SentenceStore(session.Db.Database, TimeProvider.System).UpdateAsync(sentences[1], s => s.EditImagePrompt("lost", DateTimeOffset.UtcNow), timeout.Token);

        var (id, data) = await NextSentenceAsync(stream, timeout.Token);
        Assert.Contains(sentences[1].ToString(), data);
        Assert.Equal(await HeadAsync(session, projectId), id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PageOpening_WhileTheLastPageCloses_GetsAWorkingFeed(string provider)
    {
        await using var session = await ApiSession.StartAsync(provider, NoPoll);
        var (projectId, sentences) = await CreateAsync(session);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feeds = session.Factory.Services.GetRequiredService<ProjectFeeds>();
        var subscriptions = feeds.Subscriptions;
        var last = await feeds.OpenAsync(projectId, timeout.Token);

        // The closing feed leaves the node's map at once and unsubscribes while the next page opens.
        var closing = last.DisposeAsync();
        await using var next = await feeds.OpenAsync(projectId, timeout.Token);
        await closing;
        await EditAsync(session, sentences[0], "after the swap");

        var batch = await next.Batches.ReadAsync(timeout.Token);
        Assert.Equal(await HeadAsync(session, projectId), batch[^1].Sequence);
        Assert.Equal(subscriptions + 2, feeds.Subscriptions);
        Assert.Contains(projectId, feeds.Open);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResumePointAboveTheHead_FromBeforePerProjectNumbering_ResumesFromNow(string provider)
    {
        await using var session = await ApiSession.StartAsync(provider, NoPoll);
        var (projectId, sentences) = await CreateAsync(session);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        const long LogPosition = 1_000_000;
        using var byHeader = await OpenAsync(session, projectId, timeout.Token, lastEventId: LogPosition);
        using var byQuery = await OpenAsync(session, projectId, timeout.Token, query: $"?after={LogPosition}");

        await EditAsync(session, sentences[0], "after the upgrade");

        var head = await HeadAsync(session, projectId);
        Assert.Equal(head, (await NextSentenceAsync(byHeader, timeout.Token)).Id);
        Assert.Equal(head, (await NextSentenceAsync(byQuery, timeout.Token)).Id);
    }

    private static async Task<(Guid ProjectId, Guid[] Sentences)> CreateAsync(ApiSession session)
    {
        var project = await session.CreateProjectAsync();
        return (project.GetProperty("id").GetGuid(), [.. ApiSession.Sentences(project).Select(s => s.GetProperty("id").GetGuid())]);
    }

    /// <summary>Opens the project's event stream and waits until the node follows the project and has looked in the log once.</summary>
    private static async Task<SseClient> OpenAsync(ApiSession session, Guid projectId, CancellationToken ct, string query = "", long? lastEventId = null)
    {
        var stream = await SseClient.OpenAsync(session.Client, $"/api/v1/projects/{projectId}/events{query}", ct, lastEventId);
        var feeds = session.Factory.Services.GetRequiredService<ProjectFeeds>();
        while (!feeds.Open.Contains(projectId) || feeds.LogReads(projectId) == 0) await Task.Delay(10, ct);
        return stream;
    }

    private static async Task EditAsync(ApiSession session, Guid sentence, string prompt)
    {
        using var body = new StringContent(JsonSerializer.Serialize(new { imagePrompt = prompt }), Encoding.UTF8, "application/json");
        (await session.Client.PutAsync($"/api/v1/sentences/{sentence}", body)).EnsureSuccessStatusCode();
    }

    private static async Task<(long Id, string Data)> NextSentenceAsync(SseClient stream, CancellationToken ct)
    {
        var (_, data) = await stream.NextAsync((name, _) => name == "sentence", ct);
        return (stream.LastId, data);
    }

    private static async Task<long> HeadAsync(ApiSession session, Guid projectId) =>
        (await new EventStore(session.Db.Database).HeadsAsync([projectId], CancellationToken.None)).GetValueOrDefault(projectId);
}
