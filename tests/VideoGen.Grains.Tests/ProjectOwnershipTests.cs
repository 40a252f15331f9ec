using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;

namespace VideoGen.Grains.Tests;

public sealed class ProjectOwnershipTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadAndDelete_ByAnotherAccount_AnswerLikeAnUnknownProject(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var store = new ProjectStore(db.Database, TimeProvider.System);
        var (alice, bob) = (await TestAccounts.InsertAsync(db.Database), await TestAccounts.InsertAsync(db.Database));
        var project = Project.Import(alice, "Alice's", "One. Two.", AspectRatio.Landscape, null, Now).Value!;
        await store.CreateAsync(project, CancellationToken.None);

        Assert.Null(await store.GetAsync(project.Id, bob, CancellationToken.None));
        Assert.Empty(await store.ListAsync(bob, CancellationToken.None));
        Assert.False(await store.DeleteAsync(project.Id, bob, CancellationToken.None));

        Assert.NotNull(await store.GetAsync(project.Id, alice, CancellationToken.None));
        Assert.Equal(project.Id, Assert.Single(await store.ListAsync(alice, CancellationToken.None)).Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsertOrUpdate_WithoutOwner_IsRefusedByTheDatabase(string provider)
    {
        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var owner = await TestAccounts.InsertAsync(db.Database);
        var project = Project.Import(owner, "Owned", "One.", AspectRatio.Square, null, Now).Value!;
        await new ProjectStore(db.Database, TimeProvider.System).CreateAsync(project, CancellationToken.None);

        var insert = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ReadAsync(c => c.ExecuteAsync(
            "INSERT INTO projects (id, name, aspect_ratio, style, created_at, updated_at) VALUES (@id, 'x', 1, 's', 0, 0)",
            new { id = Guid.NewGuid() }), CancellationToken.None));
        var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ReadAsync(c => c.ExecuteAsync(
            "UPDATE projects SET owner_id = NULL WHERE id = @Id", new { project.Id }), CancellationToken.None));
        Assert.Contains("owner_id is required", insert.Message);
        Assert.Contains("owner_id", update.Message);

        Assert.Equal(1, await db.Database.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM projects"), CancellationToken.None));
    }
}
