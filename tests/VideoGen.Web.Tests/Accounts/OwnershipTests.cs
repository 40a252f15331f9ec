using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.Web.Accounts;

namespace VideoGen.Web.Tests.Accounts;

public sealed class OwnershipTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OwnedResources_AnswerTheProjectOnlyToItsOwner(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var (alice, bob) = (await TestAccounts.InsertAsync(db.Database), await TestAccounts.InsertAsync(db.Database));
        var ids = await OwnedIds.CreateAsync(db, alice);
        var owned = new OwnedResources(db.Database);
        var ct = CancellationToken.None;

        Assert.True(await owned.OwnsProjectAsync(ids.Project, alice, ct));
        Assert.Equal(ids.Project, await owned.ProjectOfSentenceAsync(ids.Sentence, alice, ct));
        Assert.Equal(ids.Project, await owned.ProjectOfJobAsync(ids.Job, alice, ct));
        Assert.Equal(ids.Project, await owned.ProjectOfMediaAsync(ids.Media, alice, ct));

        Assert.False(await owned.OwnsProjectAsync(ids.Project, bob, ct));
        Assert.Null(await owned.ProjectOfSentenceAsync(ids.Sentence, bob, ct));
        Assert.Null(await owned.ProjectOfJobAsync(ids.Job, bob, ct));
        Assert.Null(await owned.ProjectOfMediaAsync(ids.Media, bob, ct));

        Assert.False(await owned.OwnsProjectAsync(Guid.NewGuid(), alice, ct));
        Assert.Null(await owned.ProjectOfSentenceAsync(Guid.NewGuid(), alice, ct));
        Assert.Null(await owned.ProjectOfJobAsync(Guid.NewGuid(), alice, ct));
        Assert.Null(await owned.ProjectOfMediaAsync("images/unknown.png", alice, ct));
    }

    [Fact]
    public async Task Home_ListsOnlyTheSignedInAccountsProjects()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var alice = await factory.SignedInAsync("alice@example.test");
        using var bob = await factory.SignedInAsync("bob@example.test");
        await db.ImportAsync(await db.UserIdAsync("alice@example.test"), "Alice's tides");
        await db.ImportAsync(await db.UserIdAsync("bob@example.test"), "Bob's storms");

        var alicesHome = await alice.GetStringAsync("/");
        var bobsHome = await bob.GetStringAsync("/");

        Assert.Contains("Alice&#x27;s tides", alicesHome);
        Assert.DoesNotContain("Bob&#x27;s storms", alicesHome);
        Assert.Contains("Bob&#x27;s storms", bobsHome);
        Assert.DoesNotContain("Alice&#x27;s tides", bobsHome);
        Assert.Single(await new ProjectStore(db.Database, TimeProvider.System).ListAsync(await db.UserIdAsync("bob@example.test"), CancellationToken.None));
    }
}
