using VideoGen.Grains.Storage;
using VideoGen.TestSupport;

namespace VideoGen.Web.Tests.Accounts;

public sealed class OwnershipTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OwnershipStore_AnswersTheProjectOnlyToItsOwner(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var (alice, bob) = (await TestAccounts.InsertAsync(db.Database), await TestAccounts.InsertAsync(db.Database));
        var ids = await OwnedIds.CreateAsync(db, alice);
        var owned = new OwnershipStore(db.Database);
        var ct = CancellationToken.None;

        Assert.Equal(ids.Project, await owned.ProjectOfAsync(OwnedKind.Project, ids.Project, alice, ct));
        Assert.Equal(ids.Project, await owned.ProjectOfAsync(OwnedKind.Sentence, ids.Sentence, alice, ct));
        Assert.Equal(ids.Project, await owned.ProjectOfAsync(OwnedKind.Job, ids.Job, alice, ct));
        Assert.Equal(ids.Project, await owned.ProjectOfAsync(OwnedKind.Export, ids.Export, alice, ct));
        Assert.Equal(ids.Project, await owned.ProjectOfMediaAsync(ids.Media, alice, ct));

        Assert.Null(await owned.ProjectOfAsync(OwnedKind.Project, ids.Project, bob, ct));
        Assert.Null(await owned.ProjectOfAsync(OwnedKind.Sentence, ids.Sentence, bob, ct));
        Assert.Null(await owned.ProjectOfAsync(OwnedKind.Job, ids.Job, bob, ct));
        Assert.Null(await owned.ProjectOfAsync(OwnedKind.Export, ids.Export, bob, ct));
        Assert.Null(await owned.ProjectOfMediaAsync(ids.Media, bob, ct));

        // An id of one kind is not found as another kind, even by its owner.
        Assert.Null(await owned.ProjectOfAsync(OwnedKind.Project, ids.Sentence, alice, ct));
        Assert.Null(await owned.ProjectOfAsync(OwnedKind.Export, ids.Job, alice, ct));
        foreach (var kind in Enum.GetValues<OwnedKind>()) Assert.Null(await owned.ProjectOfAsync(kind, Guid.NewGuid(), alice, ct));
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
