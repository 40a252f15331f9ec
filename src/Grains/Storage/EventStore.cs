using System.Data.Common;
using System.Globalization;
using System.Text;
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
            var position = database.EventPositionColumn;
            var sql = $"SELECT {position} AS id, project_id, name, entity_id, data, created_at FROM events WHERE {position} > @afterId"
                + (projectId is null ? "" : " AND project_id = @projectId")
                + database.SettledEventsCondition
                + $" ORDER BY {position} LIMIT @limit";
            var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(sql, new { afterId, projectId, limit }, cancellationToken: ct));
            return rows.Select(r => new StoredEvent(r.Id, r.ProjectId, r.Name, r.EntityId, r.Data, UnixTime.FromMs(r.CreatedAt))).ToArray();
        }, ct);

    public Task<long> LatestIdAsync(CancellationToken ct) =>
        database.ReadAsync(connection => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COALESCE(MAX({database.EventPositionColumn}), 0) FROM events WHERE 1 = 1" + database.SettledEventsCondition, cancellationToken: ct)), ct);

    /// <summary>
    /// Appends <paramref name="events"/> inside the caller's transaction, in one statement whatever
    /// their number, with the events doorbell for other processes (delivered when the transaction commits).
    /// </summary>
    internal static async Task AppendAsync(Database database, DbConnection connection, DbTransaction transaction, IReadOnlyList<DomainEvent> events, DateTimeOffset now, CancellationToken ct)
    {
        if (events.Count == 0) return;
        var sql = new StringBuilder("INSERT INTO events (project_id, name, entity_id, data, created_at) VALUES ");
        var parameters = new DynamicParameters();
        var createdAt = UnixTime.ToMs(now);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@p{i}, @n{i}, @e{i}, @d{i}, @c{i})");
            parameters.Add($"p{i}", e.ProjectId);
            parameters.Add($"n{i}", e.Name);
            parameters.Add($"e{i}", e.EntityId);
            parameters.Add($"d{i}", JsonSerializer.Serialize(e, e.GetType(), EventJson.Options));
            parameters.Add($"c{i}", createdAt);
        }
        // The doorbell rides in the same command: one round trip per append.
        if (database.RingStatement(Jobs.Channels.Events) is { } ring) sql.Append("; ").Append(ring);
        await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: ct));
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
