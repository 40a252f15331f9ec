using VideoGen.Grains.Storage;
using VideoGen.TestSupport;

namespace VideoGen.Grains.Tests;

/// <summary>
/// PostgreSQL hands out event ids when rows are inserted, not when they commit. Here the older
/// transaction (the one whose transaction id was taken first) inserts after the newer one, so it
/// holds the higher event id, and it commits first. A reader that moves past that id must still
/// receive the newer transaction's lower id once it commits: reading in id order would lose it,
/// even reading only the events of settled transactions; the position, which leads with the
/// transaction id, places it after.
/// </summary>
public sealed class EventOrderTests
{
    [PostgresFact]
    public async Task ReadEvents_AfterAnOlderTransactionCommitsAHigherIdFirst_TheNewerOnesLowerIdIsStillRead()
    {
        await using var db = await TestDatabase.CreateMigratedAsync("postgres");
        var events = new EventStore(db.Database);
        var projectId = Guid.NewGuid();
        const string insert = "INSERT INTO events (project_id, name, entity_id, data, created_at, seq) VALUES (@projectId, @name, @projectId, '{}', 0, @seq)";

        await using var older = new Npgsql.NpgsqlConnection(db.ConnectionString);
        await using var newer = new Npgsql.NpgsqlConnection(db.ConnectionString);
        await older.OpenAsync();
        await newer.OpenAsync();
        await using var olderTx = await older.BeginTransactionAsync();
        // A transaction gets its id at its first write or when asked; asking now makes this one the older.
        await Dapper.SqlMapper.ExecuteScalarAsync(older, "SELECT pg_current_xact_id()", transaction: olderTx);
        await using var newerTx = await newer.BeginTransactionAsync();
        await Dapper.SqlMapper.ExecuteAsync(newer, insert, new { projectId, name = "newer-lower-id", seq = 1 }, newerTx);
        await Dapper.SqlMapper.ExecuteAsync(older, insert, new { projectId, name = "older-higher-id", seq = 2 }, olderTx);
        await olderTx.CommitAsync();

        var seen = new List<string>();
        var position = 0L;
        async Task ReadAsync()
        {
            foreach (var e in await events.ReadAsync(projectId, position, 100, CancellationToken.None))
            {
                seen.Add(e.Name);
                position = e.Id;
            }
        }
        await ReadAsync();
        await newerTx.CommitAsync();
        await db.SettledEventIdAsync();
        await ReadAsync();

        Assert.Equal(["newer-lower-id", "older-higher-id"], seen.Order());
    }
}
