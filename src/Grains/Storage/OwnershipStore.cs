using Dapper;

namespace VideoGen.Grains.Storage;

/// <summary>Ownership answered by the store: one indexed lookup joined to the owning project.</summary>
public sealed class OwnershipStore(Database database) : IOwnershipStore
{
    public Task<Guid?> ProjectOfAsync(OwnedKind kind, Guid id, Guid userId, CancellationToken ct) => ProjectOfAsync(kind switch
    {
        OwnedKind.Project => "SELECT id FROM projects WHERE id = @id AND owner_id = @userId",
        OwnedKind.Sentence => "SELECT p.id FROM sentences s JOIN projects p ON p.id = s.project_id WHERE s.id = @id AND p.owner_id = @userId",
        OwnedKind.Job => "SELECT p.id FROM jobs j JOIN projects p ON p.id = j.project_id WHERE j.id = @id AND p.owner_id = @userId",
        OwnedKind.Export => "SELECT p.id FROM exports e JOIN projects p ON p.id = e.project_id WHERE e.id = @id AND p.owner_id = @userId",
        OwnedKind.Take => "SELECT p.id FROM takes t JOIN projects p ON p.id = t.project_id WHERE t.id = @id AND p.owner_id = @userId",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of owned thing."),
    }, id, userId, ct);

    public Task<Guid?> ProjectOfMediaAsync(string file, Guid userId, CancellationToken ct) =>
        ProjectOfAsync("""
            SELECT p.id FROM sentences s JOIN projects p ON p.id = s.project_id
            WHERE (s.image_file = @id OR s.video_file = @id OR s.audio_file = @id) AND p.owner_id = @userId
            UNION ALL
            SELECT p.id FROM exports e JOIN projects p ON p.id = e.project_id
            WHERE (e.file = @id OR e.thumbnail = @id OR e.subtitles_file = @id) AND p.owner_id = @userId
            UNION ALL
            SELECT p.id FROM takes t JOIN projects p ON p.id = t.project_id WHERE t.file = @id AND p.owner_id = @userId
            """, file, userId, ct);

    private Task<Guid?> ProjectOfAsync<TId>(string sql, TId id, Guid userId, CancellationToken ct) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync<Guid>(new CommandDefinition(sql, new { id, userId }, cancellationToken: ct))).Select(p => (Guid?)p).FirstOrDefault(), ct);
}
