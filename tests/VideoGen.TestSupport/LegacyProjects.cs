using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;

namespace VideoGen.TestSupport;

/// <summary>
/// Writes a project the way a studio before accounts (schema version 2) did: no owner. Kept
/// apart from <see cref="ProjectStore"/> on purpose, since it must match the old schema, not the current one.
/// </summary>
public static class LegacyProjects
{
    public static Task InsertAsync(Database database, Project project) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = project.CreatedAt.ToUnixTimeMilliseconds();
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO projects (id, name, aspect_ratio, style, created_at, updated_at) VALUES (@Id, @Name, @AspectRatio, @Style, @now, @now)",
                new { project.Id, project.Name, AspectRatio = (int)project.AspectRatio, project.Style, now }, transaction));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO sections (id, project_id, idx, title) VALUES (@Id, @ProjectId, @Index, @Title)",
                project.Sections.Select(s => new { s.Id, s.ProjectId, s.Index, s.Title }), transaction));
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO sentences ({SentenceRow.Columns}) VALUES ({SentenceRow.Values})",
                project.Sentences.Select(s => SentenceRow.From(s.ToState(), version: 1)), transaction));
            return true;
        }, CancellationToken.None);
}
