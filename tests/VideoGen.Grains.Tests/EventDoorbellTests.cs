using Npgsql;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;

namespace VideoGen.Grains.Tests;

/// <summary>Appending events rings the events doorbell for other processes when, and only when, the transaction commits.</summary>
public sealed class EventDoorbellTests
{
    [PostgresFact]
    public async Task AppendedEvents_RingTheEventsChannel_OnCommitOnly()
    {
        await using var db = await TestDatabase.CreateMigratedAsync("postgres");
        var owner = await TestAccounts.InsertAsync(db.Database);
        var project = Project.Import(owner, "Tides", "The tide rolls in.", AspectRatio.Landscape, null, DateTimeOffset.UtcNow).Value!;
        await using var listener = new NpgsqlConnection(db.ConnectionString);
        await listener.OpenAsync();
        var rung = new List<string>();
        listener.Notification += (_, e) => rung.Add(e.Channel);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channels.Events}", listener)) await listen.ExecuteNonQueryAsync();

        await using (var connection = await db.Database.OpenAsync(CancellationToken.None))
        await using (var transaction = await db.Database.BeginWriteAsync(connection, CancellationToken.None))
        {
            await EventStore.AppendAsync(db.Database, connection, transaction, [new ProjectChanged(project.Id, "renamed")], DateTimeOffset.UtcNow, CancellationToken.None);
            await transaction.RollbackAsync();
        }
        Assert.False(await listener.WaitAsync(TimeSpan.FromMilliseconds(300)), "a rolled-back append rang the doorbell");

        await new ProjectStore(db.Database, TimeProvider.System).CreateAsync(project, CancellationToken.None);

        Assert.True(await listener.WaitAsync(TimeSpan.FromSeconds(5)), "the committed append did not ring the doorbell");
        Assert.Contains(Channels.Events, rung);
    }
}
