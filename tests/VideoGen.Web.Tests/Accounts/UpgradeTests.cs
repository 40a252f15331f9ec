using Dapper;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;

namespace VideoGen.Web.Tests.Accounts;

public sealed class UpgradeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upgrade_FromVersionTwoWithAProject_GivesItToTheFirstAccountOnly(string provider)
    {
        var (db, legacy) = await LegacyProjects.DatabaseAtAsync(provider, version: 2, name: "Made before accounts");
        await using var _ = db;
        await using var factory = new StudioFactory(db);

        using var first = await factory.SignedInAsync("operator@example.test");
        using var second = await factory.SignedInAsync("creator@example.test");

        Assert.Equal(db.Migrator().LatestVersion, await db.Migrator().CurrentVersionAsync(CancellationToken.None));
        Assert.Contains("Made before accounts", await first.GetStringAsync("/"));
        Assert.DoesNotContain("Made before accounts", await second.GetStringAsync("/"));
        var owner = await db.Database.ReadAsync(c => c.QuerySingleAsync<Guid>(new CommandDefinition(
            "SELECT owner_id FROM projects WHERE id = @Id", new { legacy.Id })), CancellationToken.None);
        Assert.Equal(await db.UserIdAsync("operator@example.test"), owner);
        var kept = await new ProjectStore(db.Database, TimeProvider.System).GetAsync(legacy.Id, owner, CancellationToken.None);
        Assert.Equal(legacy.Sentences.Select(s => s.Text), kept!.Sentences.Select(s => s.Text));
    }
}
