using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Grains.Tests;

public sealed class SchemaMigratorTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upgrade_EmptyDatabase_ReachesTheLatestVersionOnce(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var migrator = db.Migrator();

        Assert.Equal(0, await migrator.CurrentVersionAsync(CancellationToken.None));
        Assert.Equal(migrator.LatestVersion, await migrator.UpgradeAsync(CancellationToken.None));
        Assert.Equal(migrator.LatestVersion, await migrator.UpgradeAsync(CancellationToken.None));
        Assert.Equal(migrator.LatestVersion, await migrator.CurrentVersionAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upgrade_FromSeveralProcessesAtOnce_AppliesEachScriptOnce(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var versions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => db.Migrator().UpgradeAsync(CancellationToken.None))));

        Assert.All(versions, v => Assert.Equal(db.Migrator().LatestVersion, v));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upgrade_FromTheFirstVersionWithData_KeepsTheDataAndAddsTheQueue(string provider)
    {
        var (db, project) = await LegacyProjects.DatabaseAtAsync(provider, version: 1, name: "Kept");
        await using var _ = db;

        Assert.Equal(db.Migrator().LatestVersion, await db.Migrator().UpgradeAsync(CancellationToken.None));

        var owner = await TestAccounts.InsertAsync(db.Database, isAdmin: true);
        Assert.Equal(1, await ClaimUnownedAsync(db, owner));
        var loaded = await new ProjectStore(db.Database, TimeProvider.System).GetAsync(project.Id, owner, CancellationToken.None);
        Assert.Equal(project.Sentences.Select(s => s.Text), loaded!.Sentences.Select(s => s.Text));
        var scheduler = new JobScheduler(db.Database, NoLanes.Instance, TimeProvider.System);
        Assert.True((await scheduler.RegenerateImageAsync(project.Sentences.First().Id, null, false, CancellationToken.None)).Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upgrade_FromVersionTwoWithAProject_KeepsItWithoutOwnerUntilClaimed(string provider)
    {
        var (db, project) = await LegacyProjects.DatabaseAtAsync(provider, version: 2);
        await using var _ = db;

        await db.Migrator().UpgradeAsync(CancellationToken.None);

        var store = new ProjectStore(db.Database, TimeProvider.System);
        var owner = await TestAccounts.InsertAsync(db.Database, isAdmin: true);
        Assert.Empty(await store.ListAsync(owner, CancellationToken.None));
        Assert.Equal(1, await ClaimUnownedAsync(db, owner));
        Assert.Equal(0, await ClaimUnownedAsync(db, await TestAccounts.InsertAsync(db.Database)));
        var listed = Assert.Single(await store.ListAsync(owner, CancellationToken.None));
        Assert.Equal((project.Id, 2), (listed.Id, listed.SentenceCount));
    }

    private static Task<int> ClaimUnownedAsync(TestDatabase db, Guid owner) =>
        db.Database.WriteAsync((connection, transaction) => ProjectStore.ClaimUnownedAsync(connection, transaction, owner, CancellationToken.None), CancellationToken.None);

    [Fact]
    public async Task Migrations_ForBothEngines_HaveTheSameVersions()
    {
        await using var sqlite = await TestDatabase.CreateAsync("sqlite");
        var sqliteVersions = sqlite.Migrator().Migrations.Select(m => m.Version).ToArray();

        var postgres = new PostgresDatabase("Host=localhost");
        await using var _ = postgres;
        var postgresVersions = new SchemaMigrator(postgres, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance)
            .Migrations.Select(m => m.Version).ToArray();

        Assert.Equal(sqliteVersions, postgresVersions);
        Assert.Equal(1, sqliteVersions[0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upgrade_WithAnOlderScriptMissing_AppliesItAfterNewerOnes(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var migrator = db.Migrator();
        await migrator.UpgradeAsync(CancellationToken.None);
        var second = migrator.Migrations[1];
        await db.Database.WriteAsync((c, t) => Dapper.SqlMapper.ExecuteAsync(c, "DELETE FROM schema_version WHERE version = @Version", new { second.Version }, t), CancellationToken.None);
        await db.Database.WriteAsync((c, t) => Dapper.SqlMapper.ExecuteAsync(c, "DROP TABLE devices", transaction: t), CancellationToken.None);
        // Later scripts refer to jobs (exports do); PostgreSQL needs CASCADE to drop it, SQLite has no such word.
        var dropJobs = provider == "postgres" ? "DROP TABLE jobs CASCADE" : "DROP TABLE jobs";
        await db.Database.WriteAsync((c, t) => Dapper.SqlMapper.ExecuteAsync(c, dropJobs, transaction: t), CancellationToken.None);

        Assert.Equal(migrator.LatestVersion, await migrator.UpgradeAsync(CancellationToken.None));

        var applied = await db.Database.ReadAsync(c => Dapper.SqlMapper.QueryAsync<int>(c, "SELECT version FROM schema_version ORDER BY version"), CancellationToken.None);
        Assert.Equal(migrator.Migrations.Select(m => m.Version), applied);
        Assert.Equal(0, await db.Database.ReadAsync(c => Dapper.SqlMapper.ExecuteScalarAsync<int>(c, "SELECT COUNT(*) FROM jobs"), CancellationToken.None));
    }
}
