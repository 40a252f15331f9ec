using Dapper;
using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>
/// A project's narration voice and speed. Every call names the owner: another account's
/// project is answered exactly like one that does not exist.
/// </summary>
public sealed class NarrationSettingsStore(Database database, TimeProvider clock)
{
    public Task<NarrationSettings?> GetAsync(Guid projectId, Guid ownerId, CancellationToken ct) =>
        database.ReadAsync(async connection =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<(string? Voice, double Speed)?>(new CommandDefinition(
                "SELECT narration_voice, narration_speed FROM projects WHERE id = @projectId AND owner_id = @ownerId",
                new { projectId, ownerId }, cancellationToken: ct));
            return row is { } found ? new NarrationSettings(found.Voice, found.Speed) : null;
        }, ct);

    /// <summary>
    /// Sets the project's voice and speed; when they change, every sentence's narration becomes
    /// stale, in the same transaction. Null when the project does not exist or is not <paramref name="ownerId"/>'s.
    /// </summary>
    /// <exception cref="DomainException">The settings are out of range.</exception>
    public Task<NarrationSettings?> ChangeAsync(Guid projectId, Guid ownerId, NarrationSettings settings, CancellationToken ct)
    {
        if (settings.Problem() is { } problem) throw new DomainException(problem);
        return database.WriteAsync(async (connection, transaction) =>
        {
            var current = await connection.QuerySingleOrDefaultAsync<(string? Voice, double Speed)?>(new CommandDefinition(
                $"SELECT narration_voice, narration_speed FROM projects WHERE id = @projectId AND owner_id = @ownerId{database.RowLockClause}",
                new { projectId, ownerId }, transaction, cancellationToken: ct));
            if (current is not { } found) return null;
            if (new NarrationSettings(found.Voice, found.Speed) == settings) return settings;

            var now = clock.GetUtcNow();
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE projects SET narration_voice = @Voice, narration_speed = @Speed, updated_at = @now WHERE id = @projectId",
                new { settings.Voice, settings.Speed, now = UnixTime.ToMs(now), projectId }, transaction, cancellationToken: ct));
            var rows = await connection.QueryAsync<SentenceRow>(new CommandDefinition(
                $"SELECT {SentenceRow.Columns} FROM sentences WHERE project_id = @projectId{database.RowLockClause}",
                new { projectId }, transaction, cancellationToken: ct));
            // The sentences' events are appended with the project's, in one statement.
            var events = new List<DomainEvent>();
            foreach (var sentence in rows.Select(r => Sentence.FromState(r.ToState())))
            {
                if (!sentence.NarrationRestyled(now)) continue;
                if (!await SentenceStore.SaveAsync(database, connection, transaction, sentence, now, ct, withEvents: false))
                    throw new StoreConflictException($"Sentence {sentence.Id} changed while locked.");
                events.AddRange(sentence.TakeEvents());
            }
            events.Add(new ProjectChanged(projectId, "narration"));
            EventStore.Stage(database, transaction, events, now);
            return settings;
        }, ct);
    }
}
