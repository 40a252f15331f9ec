using Dapper;

namespace VideoGen.Grains.Storage;

/// <summary>Media origins read from the store's database.</summary>
public sealed class MediaCatalogStore(Database database) : IMediaCatalogStore
{
    public Task<MediaOrigin?> OriginOfAsync(string file, Guid projectId, CancellationToken ct) =>
        database.ReadAsync(async connection =>
        {
            var row = await connection.QueryFirstOrDefaultAsync<(string Name, long? ExportedAt, Guid? ExportId)?>(new CommandDefinition("""
                SELECT p.name, e.created_at, e.id
                FROM projects p
                LEFT JOIN exports e ON e.project_id = p.id AND (e.file = @file OR e.thumbnail = @file OR e.subtitles_file = @file)
                WHERE p.id = @projectId
                """, new { file, projectId }, cancellationToken: ct));
            return row is { } found ? new MediaOrigin(found.Name, UnixTime.FromMs(found.ExportedAt), found.ExportId) : null;
        }, ct);
}
