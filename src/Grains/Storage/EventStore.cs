using System.Data.Common;
using System.Text.Json;
using Dapper;
using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>The event log on the store's database; entities' events are appended in their own transaction.</summary>
public sealed class EventStore(Database database) : IEventStore
{
    public Task<IReadOnlyList<StoredEvent>> ReadAsync(Guid? projectId, long afterId, int limit, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<StoredEvent>>(async connection =>
        {
            var sql = "SELECT id, project_id, name, entity_id, data, created_at FROM events WHERE id > @afterId"
                + (projectId is null ? "" : " AND project_id = @projectId")
                + database.SettledEventsCondition
                + " ORDER BY id LIMIT @limit";
            var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(sql, new { afterId, projectId, limit }, cancellationToken: ct));
            return rows.Select(r => new StoredEvent(r.Id, r.ProjectId, r.Name, r.EntityId, r.Data, UnixTime.FromMs(r.CreatedAt))).ToArray();
        }, ct);

    public Task<long> LatestIdAsync(CancellationToken ct) =>
        database.ReadAsync(connection => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(id), 0) FROM events WHERE 1 = 1" + database.SettledEventsCondition, cancellationToken: ct)), ct);

    /// <summary>
    /// Appends <paramref name="events"/> inside the caller's transaction, and rings the events
    /// doorbell for other processes (delivered when the transaction commits).
    /// </summary>
    internal static async Task AppendAsync(Database database, DbConnection connection, DbTransaction transaction, IReadOnlyList<DomainEvent> events, DateTimeOffset now, CancellationToken ct)
    {
        if (events.Count == 0) return;
        await database.RingAsync(connection, transaction, Jobs.Channels.Events, ct);
        var rows = events.Select(e => new
        {
            e.ProjectId,
            e.Name,
            e.EntityId,
            Data = JsonSerializer.Serialize(e, e.GetType(), EventJson.Options),
            CreatedAt = UnixTime.ToMs(now),
        });
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO events (project_id, name, entity_id, data, created_at) VALUES (@ProjectId, @Name, @EntityId, @Data, @CreatedAt)",
            rows, transaction, cancellationToken: ct));
    }

    private sealed class EventRow
    {
        public long Id { get; set; }
        public Guid ProjectId { get; set; }
        public string Name { get; set; } = "";
        public Guid EntityId { get; set; }
        public string Data { get; set; } = "";
        public long CreatedAt { get; set; }
    }
}
