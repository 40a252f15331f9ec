using System.Collections.Concurrent;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Events;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;

namespace VideoGen.Grains.Tests;

/// <summary>
/// Events are published after their commit, as the log holds them, and each project numbers its
/// events 1, 2, 3, ... in commit order with no hole, so a follower can tell a missing one.
/// </summary>
public sealed class EventPublicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Commit_WithEvents_PublishesThemAsTheLogHoldsThem_AndARollbackPublishesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var published = new Capture();
        await using var opened = Open(db, published);
        var database = opened.Database;
        var owner = await TestAccounts.InsertAsync(db.Database);
        var project = Project.Import(owner, "Tides", "The tide rolls in. Gulls cry.", AspectRatio.Landscape, null, Now).Value!;

        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var transaction = await database.BeginWriteAsync(connection, CancellationToken.None))
        {
            EventStore.Stage(database, transaction, [new ProjectChanged(project.Id, "renamed")], Now);
            await transaction.RollbackAsync();
        }
        Assert.Empty(published.Batches);

        await new ProjectStore(database, TimeProvider.System).CreateAsync(project, CancellationToken.None);
        await new SentenceStore(database, TimeProvider.System).UpdateAsync(project.Sentences.First().Id, s => s.EditImagePrompt("a storm", Now), CancellationToken.None);

        var events = new EventStore(database);
        var logged = await events.ReadProjectAsync(project.Id, 0, 100, CancellationToken.None);
        Assert.Equal(2, published.Batches.Count);
        Assert.Equal(logged, published.Batches.SelectMany(b => b));
        Assert.Equal(Enumerable.Range(1, logged.Count).Select(i => (long)i), logged.Select(e => e.Sequence));
        Assert.Equal(logged[^1].Sequence, (await events.HeadsAsync([project.Id], CancellationToken.None))[project.Id]);
        Assert.Equal(2, (await events.ReadProjectAsync(project.Id, logged.Count - 2, 100, CancellationToken.None)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentWriters_OfOneProject_NumberItsEventsWithoutHoleInTheOrderTheyPublish(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var published = new Capture();
        await using var opened = Open(db, published);
        var database = opened.Database;
        var owner = await TestAccounts.InsertAsync(db.Database);
        var project = Project.Import(owner, "Tides", "One. Two. Three. Four.", AspectRatio.Landscape, null, Now).Value!;
        var other = Project.Import(owner, "Dunes", "Sand.", AspectRatio.Landscape, null, Now).Value!;
        var projects = new ProjectStore(database, TimeProvider.System);
        await projects.CreateAsync(project, CancellationToken.None);
        await projects.CreateAsync(other, CancellationToken.None);
        var sentences = new SentenceStore(database, TimeProvider.System);
        const int editsEach = 8;

        var writers = project.Sentences.Select(s => s.Id).Append(other.Sentences.First().Id).Select(id => Task.Run(async () =>
        {
            for (var i = 0; i < editsEach; i++)
                await sentences.UpdateAsync(id, s => s.EditImagePrompt($"take {i}", Now), CancellationToken.None);
        }));
        await Task.WhenAll(writers);

        var logged = await new EventStore(database).ReadProjectAsync(project.Id, 0, 1000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, logged.Count).Select(i => (long)i), logged.Select(e => e.Sequence));
        Assert.Equal(project.Sentences.Count() * editsEach, logged.Count(e => e.Name == "sentence"));
        var otherLogged = await new EventStore(database).ReadProjectAsync(other.Id, 0, 1000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, otherLogged.Count).Select(i => (long)i), otherLogged.Select(e => e.Sequence));
        // Each commit is published exactly once: what went out for the project is what the log holds, no more, no less.
        Assert.Equal(logged.Select(e => e.Sequence), published.Batches.SelectMany(b => b).Where(e => e.ProjectId == project.Id).Select(e => e.Sequence).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Commit_WithTheEventsOfABulkRun_WritesAndPublishesThemAllInOrder(string provider)
    {
        // A "generate all" over thousands of scenes stages an event per scene and per job: more
        // than one statement may carry (SQLite takes at most 32 766 parameters in one).
        const int count = 6_000;
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var published = new Capture();
        await using var opened = Open(db, published);
        var database = opened.Database;
        var owner = await TestAccounts.InsertAsync(db.Database);
        var project = Project.Import(owner, "Tides", "The tide rolls in.", AspectRatio.Landscape, null, Now).Value!;
        await new ProjectStore(database, TimeProvider.System).CreateAsync(project, CancellationToken.None);
        var before = (await new EventStore(database).HeadsAsync([project.Id], CancellationToken.None)).GetValueOrDefault(project.Id);

        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var transaction = await database.BeginWriteAsync(connection, CancellationToken.None))
        {
            EventStore.Stage(database, transaction, Enumerable.Range(0, count).Select(i => (DomainEvent)new ProjectChanged(project.Id, $"change {i}")).ToArray(), Now);
            await database.CommitAsync(transaction, CancellationToken.None);
        }

        var batch = published.Batches[^1];
        Assert.Equal(Enumerable.Range(1, count).Select(i => before + i), batch.Select(e => e.Sequence));
        Assert.Equal(batch.Select(e => e.Id).Order(), batch.Select(e => e.Id));
        Assert.Equal(batch, await new EventStore(database).ReadProjectAsync(project.Id, before, count, CancellationToken.None));
    }

    private static Opened Open(TestDatabase db, IEventPublisher publisher) => new(db.Provider == "sqlite"
        ? new SqliteDatabase(db.ConnectionString) { Publisher = publisher }
        : new PostgresDatabase(db.ConnectionString) { Publisher = publisher });

    /// <summary>A second handle on the test's database, publishing to the test; closed before the database is dropped.</summary>
    private sealed class Opened(Database database) : IAsyncDisposable
    {
        public Database Database => database;

        public ValueTask DisposeAsync() => database is PostgresDatabase postgres ? postgres.DisposeAsync() : ValueTask.CompletedTask;
    }

    private sealed class Capture : IEventPublisher
    {
        private readonly ConcurrentQueue<IReadOnlyList<StoredEvent>> _batches = new();

        public IReadOnlyList<IReadOnlyList<StoredEvent>> Batches => [.. _batches];

        public Task PublishAsync(IReadOnlyList<StoredEvent> events)
        {
            _batches.Enqueue(events);
            return Task.CompletedTask;
        }
    }
}
