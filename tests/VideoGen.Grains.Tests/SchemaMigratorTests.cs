using VideoGen.TestSupport;

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

    [Fact]
    public async Task Migrations_ForBothEngines_HaveTheSameVersions()
    {
        await using var sqlite = await TestDatabase.CreateAsync("sqlite");
        var sqliteVersions = sqlite.Migrator().Migrations.Select(m => m.Version).ToArray();

        var postgres = new VideoGen.Grains.Storage.PostgresDatabase("Host=localhost");
        await using var _ = postgres;
        var postgresVersions = new VideoGen.Grains.Storage.SchemaMigrator(postgres, Microsoft.Extensions.Logging.Abstractions.NullLogger<VideoGen.Grains.Storage.SchemaMigrator>.Instance)
            .Migrations.Select(m => m.Version).ToArray();

        Assert.Equal(sqliteVersions, postgresVersions);
        Assert.Equal(Enumerable.Range(1, sqliteVersions.Length), sqliteVersions);
    }
}
