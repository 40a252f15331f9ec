using System.Text.Json;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;

namespace VideoGen.Grains.Tests;

public sealed class StoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static Project NewProject(Guid owner, string script = "# Shore\nThe tide rolls in. Gulls cry.\n# Town\nShops open.") =>
        Project.Import(owner, "Tides", script, AspectRatio.Portrait, "ink", Now).Value!;

    private static (ProjectStore Projects, SentenceStore Sentences, EventStore Events) Stores(TestDatabase db) =>
        (new ProjectStore(db.Database, TimeProvider.System), new SentenceStore(db.Database, TimeProvider.System), new EventStore(db.Database));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateThenGet_Project_RoundTripsEveryField(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var owner = await TestAccounts.InsertAsync(db.Database);
        var (projects, _, _) = Stores(db);
        var project = NewProject(owner);

        await projects.CreateAsync(project, CancellationToken.None);
        var loaded = await projects.GetAsync(project.Id, owner, CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal((project.Name, project.AspectRatio, project.Style, project.CreatedAt), (loaded.Name, loaded.AspectRatio, loaded.Style, loaded.CreatedAt));
        Assert.Equal(["Shore", "Town"], loaded.Sections.Select(s => s.Title));
        Assert.Equal(
            project.Sentences.Select(s => s.ToState() with { Version = 1 }),
            loaded.Sentences.Select(s => s.ToState()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_Projects_CountsSentencesAndOrdersByLastChange(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var owner = await TestAccounts.InsertAsync(db.Database);
        var (projects, sentences, _) = Stores(db);
        var older = NewProject(owner, "One. Two. Three.");
        var newer = Project.Import(owner, "Newer", "Only one.", AspectRatio.Square, null, Now.AddMinutes(1)).Value!;
        await projects.CreateAsync(older, CancellationToken.None);
        await projects.CreateAsync(newer, CancellationToken.None);

        var listed = await projects.ListAsync(owner, CancellationToken.None);
        Assert.Equal([(newer.Id, 1), (older.Id, 3)], listed.Select(p => (p.Id, p.SentenceCount)));

        // Editing a sentence of the older project makes it the most recently changed.
        await sentences.UpdateAsync(older.Sentences.First().Id, s => s.EditText("One!", Now.AddMinutes(5)), CancellationToken.None);
        listed = await projects.ListAsync(owner, CancellationToken.None);
        Assert.Equal([older.Id, newer.Id], listed.Select(p => p.Id));
        Assert.Equal(Now.AddMinutes(5), listed[0].UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_Sentence_SavesStateAndItsEventTogether(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var owner = await TestAccounts.InsertAsync(db.Database);
        var (projects, sentences, events) = Stores(db);
        var project = NewProject(owner);
        await projects.CreateAsync(project, CancellationToken.None);
        var target = project.Sentences.First();
        var before = await db.SettledEventIdAsync();

        var updated = await sentences.UpdateAsync(target.Id, s => s.EditImagePrompt("a storm", Now), CancellationToken.None);

        Assert.NotNull(updated);
        var loaded = await sentences.GetAsync(target.Id, CancellationToken.None);
        Assert.Equal(("a storm", true, true, false, 2L), (loaded!.ImagePrompt, loaded.IsImageDirty, loaded.IsVideoDirty, loaded.IsAudioDirty, loaded.Version));
        Assert.Equal(ClipStaleReasons.Image, loaded.VideoStaleReasons);
        Assert.Equal(loaded.ToState(), updated.ToState());

        await db.SettledEventIdAsync();
        var stored = Assert.Single(await events.ReadAsync(project.Id, before, 100, CancellationToken.None));
        Assert.Equal(("sentence", target.Id), (stored.Name, stored.EntityId));
        using var data = JsonDocument.Parse(stored.Data);
        Assert.Equal("imagePrompt", data.RootElement.GetProperty("changes")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_ThatChangesNothing_WritesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var owner = await TestAccounts.InsertAsync(db.Database);
        var (projects, sentences, events) = Stores(db);
        var project = NewProject(owner);
        await projects.CreateAsync(project, CancellationToken.None);
        var target = project.Sentences.First();
        var before = await db.SettledEventIdAsync();

        await sentences.UpdateAsync(target.Id, s => s.EditImagePrompt(target.ImagePrompt, Now), CancellationToken.None);

        Assert.Equal(1, (await sentences.GetAsync(target.Id, CancellationToken.None))!.Version);
        Assert.Equal(before, await db.SettledEventIdAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_ThatBreaksARule_WritesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var owner = await TestAccounts.InsertAsync(db.Database);
        var (projects, sentences, _) = Stores(db);
        var project = NewProject(owner);
        await projects.CreateAsync(project, CancellationToken.None);
        var target = project.Sentences.First();

        await Assert.ThrowsAsync<DomainException>(() => sentences.UpdateAsync(target.Id, s =>
        {
            s.EditVideoPrompt("changed first", Now);
            s.ChangeMotionStrength(3, Now);
        }, CancellationToken.None));

        Assert.Equal(target.VideoPrompt, (await sentences.GetAsync(target.Id, CancellationToken.None))!.VideoPrompt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_UnknownSentence_ReturnsNull(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var (_, sentences, _) = Stores(db);

        Assert.Null(await sentences.UpdateAsync(Guid.NewGuid(), s => s.EditText("x", Now), CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_ConcurrentEditsOfOneSentence_LoseNoUpdate(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var owner = await TestAccounts.InsertAsync(db.Database);
        var (projects, sentences, events) = Stores(db);
        var project = NewProject(owner, "Start.");
        await projects.CreateAsync(project, CancellationToken.None);
        var id = project.Sentences.Single().Id;
        const int writers = 4, editsEach = 15;

        // Every edit appends its own mark to the text: a lost update would lose a mark.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < editsEach; i++)
                await sentences.UpdateAsync(id, s => s.EditText($"{s.Text} w{w}e{i}", Now), CancellationToken.None);
        })));

        var final = (await sentences.GetAsync(id, CancellationToken.None))!;
        await db.SettledEventIdAsync();
        var marks = final.Text.Split(' ').Skip(1).ToArray();
        Assert.Equal(writers * editsEach, marks.Length);
        Assert.Equal(writers * editsEach, marks.Distinct().Count());
        Assert.Equal(1 + writers * editsEach, final.Version);
        Assert.Equal(writers * editsEach, (await events.ReadAsync(project.Id, 0, 1000, CancellationToken.None)).Count(e => e.Name == "sentence"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_Project_RemovesItsSentences(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var owner = await TestAccounts.InsertAsync(db.Database);
        var (projects, sentences, _) = Stores(db);
        var project = NewProject(owner);
        await projects.CreateAsync(project, CancellationToken.None);

        Assert.True(await projects.DeleteAsync(project.Id, owner, CancellationToken.None));

        Assert.Null(await projects.GetAsync(project.Id, owner, CancellationToken.None));
        Assert.Null(await sentences.GetAsync(project.Sentences.First().Id, CancellationToken.None));
        Assert.Empty(await projects.ListAsync(owner, CancellationToken.None));
        Assert.False(await projects.DeleteAsync(project.Id, owner, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadEvents_AfterAnId_ReturnsOnlyNewerEventsOfThatProject(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var owner = await TestAccounts.InsertAsync(db.Database);
        var (projects, sentences, events) = Stores(db);
        var first = NewProject(owner, "First.");
        var second = NewProject(owner, "Second.");
        await projects.CreateAsync(first, CancellationToken.None);
        await projects.CreateAsync(second, CancellationToken.None);
        var mark = await db.SettledEventIdAsync();

        await sentences.UpdateAsync(first.Sentences.Single().Id, s => s.EditText("First!", Now), CancellationToken.None);
        await sentences.UpdateAsync(second.Sentences.Single().Id, s => s.EditText("Second!", Now), CancellationToken.None);
        await sentences.UpdateAsync(first.Sentences.Single().Id, s => s.EditVideoPrompt("moving", Now), CancellationToken.None);

        await db.SettledEventIdAsync();
        var read = await events.ReadAsync(first.Id, mark, 100, CancellationToken.None);
        Assert.Equal(2, read.Count);
        Assert.All(read, e => Assert.Equal(first.Id, e.ProjectId));
        Assert.True(read[0].Id < read[1].Id);
        Assert.Equal(3, (await events.ReadAsync(null, mark, 100, CancellationToken.None)).Count);
        Assert.Single(await events.ReadAsync(null, mark, 1, CancellationToken.None));
    }
}
