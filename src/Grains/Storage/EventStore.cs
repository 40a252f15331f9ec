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
    private const string Columns = "project_id, name, entity_id, data, created_at, seq AS sequence";

    /// <summary>Events written by one INSERT statement at most.</summary>
    internal const int InsertRows = 100;

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(Guid? projectId, long afterId, int limit, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<StoredEvent>>(async connection =>
        {
            var position = database.EventPositionColumn;
            var sql = $"SELECT {position} AS id, {Columns} FROM events WHERE {position} > @afterId"
                + (projectId is null ? "" : " AND project_id = @projectId")
                + database.SettledEventsCondition
                + $" ORDER BY {position} LIMIT @limit";
            var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(sql, new { afterId, projectId, limit }, cancellationToken: ct));
            return rows.Select(r => r.ToStored()).ToArray();
        }, ct);

    public Task<long> LatestIdAsync(CancellationToken ct) =>
        database.ReadAsync(connection => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COALESCE(MAX({database.EventPositionColumn}), 0) FROM events WHERE 1 = 1" + database.SettledEventsCondition, cancellationToken: ct)), ct);

    public Task<IReadOnlyList<StoredEvent>> ReadProjectAsync(Guid projectId, long afterSequence, int limit, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<StoredEvent>>(async connection =>
        {
            // No settling condition: a project's next number is handed out only after the commit that holds the previous one.
            var sql = $"SELECT {database.EventPositionColumn} AS id, {Columns} FROM events WHERE project_id = @projectId AND seq > @afterSequence ORDER BY seq LIMIT @limit";
            var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(sql, new { projectId, afterSequence, limit }, cancellationToken: ct));
            return rows.Select(r => r.ToStored()).ToArray();
        }, ct);

    public Task<IReadOnlyDictionary<Guid, long>> HeadsAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken ct) =>
        projectIds.Count == 0
            ? Task.FromResult<IReadOnlyDictionary<Guid, long>>(new Dictionary<Guid, long>())
            : database.ReadAsync<IReadOnlyDictionary<Guid, long>>(async connection =>
            {
                var rows = await connection.QueryAsync<HeadRow>(
                    // Npgsql takes the ids as one uuid array; on SQLite Dapper spreads a list into IN (...),
                    // item by item past the id handler, so they go as the text SQLite keeps.
                    database.Provider == StoreProvider.Postgres
                        ? new CommandDefinition("SELECT project_id, seq AS sequence FROM event_heads WHERE project_id = ANY(@projectIds)", new { projectIds = projectIds.ToArray() }, cancellationToken: ct)
                        : new CommandDefinition("SELECT project_id, seq AS sequence FROM event_heads WHERE project_id IN @projectIds", new { projectIds = projectIds.Select(id => id.ToString()).ToArray() }, cancellationToken: ct));
                return rows.ToDictionary(r => r.ProjectId, r => r.Sequence);
            }, ct);

    /// <summary>
    /// Gathers <paramref name="events"/> for the caller's transaction; they are numbered and
    /// written when it commits (<see cref="Database.CommitAsync"/>), whatever their number.
    /// </summary>
    internal static void Stage(Database database, DbTransaction transaction, IReadOnlyList<DomainEvent> events, DateTimeOffset now)
    {
        if (events.Count > 0) database.Stage(transaction, events, now);
    }

    /// <summary>
    /// Numbers <paramref name="pending"/> per project (taking each project's head row, in project
    /// order so two commits never wait on each other's heads) and inserts them in one statement.
    /// </summary>
    internal static async Task<IReadOnlyList<StoredEvent>> WriteAsync(Database database, DbTransaction transaction, IReadOnlyList<PendingEvent> pending, CancellationToken ct)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has no connection.");
        var next = new Dictionary<Guid, long>();
        foreach (var project in pending.GroupBy(p => p.Event.ProjectId).OrderBy(g => g.Key))
        {
            var count = project.Count();
            var last = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO event_heads (project_id, seq) VALUES (@projectId, @count) ON CONFLICT (project_id) DO UPDATE SET seq = event_heads.seq + excluded.seq RETURNING seq",
                new { projectId = project.Key, count }, transaction, cancellationToken: ct));
            next[project.Key] = last - count + 1;
        }
        var written = new List<(DomainEvent Event, long Sequence, string Data, DateTimeOffset At)>(pending.Count);
        foreach (var (e, at) in pending)
            written.Add((e, next[e.ProjectId]++, JsonSerializer.Serialize(e, e.GetType(), EventJson.Options), at));
        var positions = new Dictionary<(Guid ProjectId, long Sequence), long>(written.Count);
        // A few hundred rows per statement: a bulk run's thousands of events in one statement would
        // pass SQLite's limit on parameters and make every parameter's lookup scan the whole text.
        foreach (var chunk in written.Chunk(InsertRows))
        {
            var sql = new StringBuilder("INSERT INTO events (project_id, name, entity_id, data, created_at, seq) VALUES ");
            var parameters = new DynamicParameters();
            for (var i = 0; i < chunk.Length; i++)
            {
                var (e, sequence, data, at) = chunk[i];
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@p{i}, @n{i}, @e{i}, @d{i}, @c{i}, @s{i})");
                parameters.Add($"p{i}", e.ProjectId);
                parameters.Add($"n{i}", e.Name);
                parameters.Add($"e{i}", e.EntityId);
                parameters.Add($"d{i}", data);
                parameters.Add($"c{i}", UnixTime.ToMs(at));
                parameters.Add($"s{i}", sequence);
            }
            sql.Append(" RETURNING project_id, seq AS sequence, ").Append(database.EventPositionColumn).Append(" AS id");
            foreach (var row in await connection.QueryAsync<HeadRow>(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: ct)))
                positions[(row.ProjectId, row.Sequence)] = row.Id;
        }
        return written
            .Select(w => new StoredEvent(positions[(w.Event.ProjectId, w.Sequence)], w.Sequence, w.Event.ProjectId, w.Event.Name, w.Event.EntityId, w.Data, UnixTime.FromMs(UnixTime.ToMs(w.At))))
            .ToArray();
    }

    private sealed class HeadRow
    {
        public Guid ProjectId { get; set; }
        public long Sequence { get; set; }
        public long Id { get; set; }
    }

    private sealed class EventRow
    {
        public long Id { get; set; }
        public Guid ProjectId { get; set; }
        public string Name { get; set; } = "";
        public Guid EntityId { get; set; }
        public string Data { get; set; } = "";
        public long CreatedAt { get; set; }
        public long Sequence { get; set; }

        public StoredEvent ToStored() => new(Id, Sequence, ProjectId, Name, EntityId, Data, UnixTime.FromMs(CreatedAt));
    }
}
