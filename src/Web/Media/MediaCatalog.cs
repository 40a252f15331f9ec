using Dapper;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Media;

/// <summary>What the store knows about a media file beyond its owner: the names its downloads get.</summary>
public sealed class MediaCatalog(Database database)
{
    /// <summary>The file name a download of <paramref name="file"/> (a file of project <paramref name="projectId"/>) is saved under.</summary>
    public Task<string> DownloadNameAsync(string file, Guid projectId, CancellationToken ct) =>
        database.ReadAsync(async connection =>
        {
            var row = await connection.QueryFirstAsync<(string Name, long? ExportedAt)>(new CommandDefinition("""
                SELECT p.name, e.created_at
                FROM projects p
                LEFT JOIN exports e ON e.project_id = p.id AND (e.file = @file OR e.thumbnail = @file OR e.subtitles_file = @file)
                WHERE p.id = @projectId
                """, new { file, projectId }, cancellationToken: ct));
            return row.ExportedAt is { } ms
                ? DownloadNames.ForExport(row.Name, DateTimeOffset.FromUnixTimeMilliseconds(ms), file)
                : DownloadNames.ForScene(row.Name, file);
        }, ct);
}
