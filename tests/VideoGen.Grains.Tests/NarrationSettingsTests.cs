using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;

namespace VideoGen.Grains.Tests;

public sealed class NarrationSettingsTests
{
    [Theory]
    [InlineData(null, 1.0, true)]
    [InlineData("en-us", 0.5, true)]
    [InlineData("af_heart", 2.0, true)]
    [InlineData("mb-us1+f3", 1.25, true)]
    [InlineData("en-us", 0.49, false)]
    [InlineData("en-us", 2.01, false)]
    [InlineData("en-us", double.NaN, false)]
    [InlineData("", 1.0, false)]
    [InlineData("-x", 1.0, false)]
    [InlineData("en us", 1.0, false)]
    [InlineData("en/us", 1.0, false)]
    public void Problem_AcceptsVoiceNamesAndSpeedsInRangeOnly(string? voice, double speed, bool usable) =>
        Assert.Equal(usable, new NarrationSettings(voice, speed).Problem() is null);

    [Fact]
    public void Sentence_WithoutNarration_IsNotMarkedByARestyle()
    {
        var sentence = Project.Import(Guid.NewGuid(), "P", "One.", AspectRatio.Landscape, null, DateTimeOffset.UtcNow).Value!.Sentences.Single();

        Assert.False(sentence.NarrationRestyled(DateTimeOffset.UtcNow));
        Assert.False(sentence.IsAudioDirty);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Change_MakesSpokenNarrationStaleOnceAndAnswersOnlyTheOwner(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var owner = await TestAccounts.InsertAsync(db.Database);
        var project = Project.Import(owner, "P", "Spoken. Not yet.", AspectRatio.Landscape, null, DateTimeOffset.UtcNow).Value!;
        await new ProjectStore(db.Database, TimeProvider.System).CreateAsync(project, CancellationToken.None);
        var sentences = new SentenceStore(db.Database, TimeProvider.System);
        var (spoken, silent) = (project.Sentences.First().Id, project.Sentences.Last().Id);
        await sentences.UpdateAsync(spoken, s => s.AudioStored("a.wav", 1.5, DateTimeOffset.UtcNow), CancellationToken.None);
        var store = new NarrationSettingsStore(db.Database, TimeProvider.System);
        var events = await db.SettledEventIdAsync();

        Assert.Equal(NarrationSettings.Default, await store.GetAsync(project.Id, owner, CancellationToken.None));
        Assert.Equal(NarrationSettings.Default, await store.ChangeAsync(project.Id, owner, NarrationSettings.Default, CancellationToken.None));
        Assert.False((await sentences.GetAsync(spoken, CancellationToken.None))!.IsAudioDirty);

        var changed = await store.ChangeAsync(project.Id, owner, new NarrationSettings("en-gb", 1.5), CancellationToken.None);

        Assert.Equal(new NarrationSettings("en-gb", 1.5), changed);
        Assert.Equal(changed, await store.GetAsync(project.Id, owner, CancellationToken.None));
        Assert.True((await sentences.GetAsync(spoken, CancellationToken.None))!.IsAudioDirty);
        Assert.False((await sentences.GetAsync(silent, CancellationToken.None))!.IsAudioDirty);
        await db.SettledEventIdAsync();
        var raised = await new EventStore(db.Database).ReadAsync(project.Id, events, 100, CancellationToken.None);
        Assert.Equal(["sentence", "project"], raised.Select(e => e.Name));
        Assert.Null(await store.GetAsync(project.Id, Guid.NewGuid(), CancellationToken.None));
        Assert.Null(await store.ChangeAsync(project.Id, Guid.NewGuid(), new NarrationSettings(null, 2.0), CancellationToken.None));
        await Assert.ThrowsAsync<DomainException>(() => store.ChangeAsync(project.Id, owner, new NarrationSettings(null, 3.0), CancellationToken.None));
        var speed = await db.Database.ReadAsync(c => c.ExecuteScalarAsync<double>("SELECT narration_speed FROM projects"), CancellationToken.None);
        Assert.Equal(1.5, speed);
    }
}
