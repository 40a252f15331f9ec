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
    /// <summary>A new database at schema <paramref name="version"/> holding one project as that version wrote it.</summary>
    public static async Task<(TestDatabase Database, Project Project)> DatabaseAtAsync(
        string provider, int version, string name = "Before accounts", string script = "# Part\nThe tide rolls in. Gulls cry.")
    {
        var db = await TestDatabase.CreateAsync(provider);
        if (await db.Migrator().UpgradeAsync(CancellationToken.None, targetVersion: version) != version)
            throw new InvalidOperationException($"The {provider} schema did not stop at version {version}.");
        var project = Project.Import(Guid.NewGuid(), name, script, AspectRatio.Portrait, null, DateTimeOffset.UtcNow).Value!;
        await InsertAsync(db.Database, project);
        return (db, project);
    }

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
                $"INSERT INTO sentences ({SentenceRow.FirstColumns}) VALUES ({SentenceRow.FirstValues})",
                project.Sentences.Select(s => SentenceRow.From(s.ToState(), version: 1)), transaction));
            return true;
        }, CancellationToken.None);
}
