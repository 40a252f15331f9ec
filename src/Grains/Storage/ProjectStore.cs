using System.Data.Common;
using Dapper;
using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>Projects on the store's database.</summary>
public sealed class ProjectStore(Database database, TimeProvider clock) : IProjectStore
{
    public Task CreateAsync(Project project, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = UnixTime.ToMs(project.CreatedAt);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO projects (id, owner_id, name, aspect_ratio, style, created_at, updated_at) VALUES (@Id, @OwnerId, @Name, @AspectRatio, @Style, @Now, @Now)",
                new { project.Id, project.OwnerId, project.Name, AspectRatio = (int)project.AspectRatio, project.Style, Now = now }, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO sections (id, project_id, idx, title) VALUES (@Id, @ProjectId, @Index, @Title)",
                project.Sections.Select(s => new { s.Id, s.ProjectId, s.Index, s.Title }), transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO sentences ({SentenceRow.Columns}) VALUES ({SentenceRow.Values})",
                project.Sentences.Select(s => SentenceRow.From(s.ToState(), version: 1)), transaction, cancellationToken: ct));
            EventStore.Stage(database, transaction, project.TakeEvents(), project.CreatedAt);
            return true;
        }, ct);

    public Task<Project?> GetAsync(Guid id, Guid ownerId, CancellationToken ct) =>
        database.ReadAsync(async connection =>
        {
            var project = await connection.QuerySingleOrDefaultAsync<ProjectRow>(new CommandDefinition(
                "SELECT id, owner_id, name, aspect_ratio, style, created_at FROM projects WHERE id = @id AND owner_id = @ownerId",
                new { id, ownerId }, cancellationToken: ct));
            if (project is null) return null;
            var sections = await connection.QueryAsync<SectionRow>(new CommandDefinition(
                "SELECT id, idx, title FROM sections WHERE project_id = @id ORDER BY idx", new { id }, cancellationToken: ct));
            var sentences = (await connection.QueryAsync<SentenceRow>(new CommandDefinition(
                $"SELECT {SentenceRow.Columns} FROM sentences WHERE project_id = @id ORDER BY idx", new { id }, cancellationToken: ct)))
                .Select(r => Sentence.FromState(r.ToState()))
                .ToLookup(s => s.SectionId);
            return Project.FromState(project.Id, project.OwnerId, project.Name, (AspectRatio)project.AspectRatio, project.Style, UnixTime.FromMs(project.CreatedAt),
                sections.Select(s => new Section(s.Id, id, s.Idx, s.Title, sentences[s.Id].ToArray())).ToArray());
        }, ct);

    public Task<Section?> GetSectionAsync(Guid projectId, Guid sectionId, Guid ownerId, CancellationToken ct) =>
        database.ReadAsync(async connection =>
        {
            var section = await connection.QuerySingleOrDefaultAsync<SectionRow>(new CommandDefinition(
                "SELECT s.id, s.idx, s.title FROM sections s JOIN projects p ON p.id = s.project_id " +
                "WHERE s.id = @sectionId AND s.project_id = @projectId AND p.owner_id = @ownerId",
                new { sectionId, projectId, ownerId }, cancellationToken: ct));
            if (section is null) return null;
            var sentences = await connection.QueryAsync<SentenceRow>(new CommandDefinition(
                $"SELECT {SentenceRow.Columns} FROM sentences WHERE project_id = @projectId AND section_id = @sectionId ORDER BY idx",
                new { projectId, sectionId }, cancellationToken: ct));
            return new Section(section.Id, projectId, section.Idx, section.Title, sentences.Select(r => Sentence.FromState(r.ToState())).ToArray());
        }, ct);

    public Task<IReadOnlyList<ProjectSummary>> ListAsync(Guid ownerId, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<ProjectSummary>>(async connection =>
        {
            // A project changes whenever one of its sentences does; the newest sentence time says when.
            var rows = await connection.QueryAsync<ProjectListRow>(new CommandDefinition("""
                SELECT p.id, p.name, p.aspect_ratio, p.created_at,
                       COUNT(s.id) AS sentence_count,
                       COALESCE(MAX(s.updated_at), p.updated_at) AS sentences_updated_at,
                       p.updated_at
                FROM projects p LEFT JOIN sentences s ON s.project_id = p.id
                WHERE p.owner_id = @ownerId
                GROUP BY p.id, p.name, p.aspect_ratio, p.created_at, p.updated_at
                """, new { ownerId }, cancellationToken: ct));
            return rows
                .Select(r => new ProjectSummary(r.Id, r.Name, (AspectRatio)r.AspectRatio, (int)r.SentenceCount,
                    UnixTime.FromMs(r.CreatedAt), UnixTime.FromMs(Math.Max(r.UpdatedAt, r.SentencesUpdatedAt))))
                .OrderByDescending(p => p.UpdatedAt)
                .ToArray();
        }, ct);

    public Task<bool> DeleteAsync(Guid id, Guid ownerId, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM projects WHERE id = @id AND owner_id = @ownerId", new { id, ownerId }, transaction, cancellationToken: ct));
            if (deleted == 0) return false;
            EventStore.Stage(database, transaction, [new ProjectChanged(id, "deleted")], clock.GetUtcNow());
            return true;
        }, ct);

    /// <summary>
    /// Gives every project without an owner (made before accounts existed) to
    /// <paramref name="ownerId"/>, inside the caller's transaction; returns how many.
    /// </summary>
    internal static Task<int> ClaimUnownedAsync(DbConnection connection, DbTransaction transaction, Guid ownerId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE projects SET owner_id = @ownerId WHERE owner_id IS NULL", new { ownerId }, transaction, cancellationToken: ct));

    public Task<IReadOnlyDictionary<Guid, string>> ThumbnailsAsync(Guid ownerId, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyDictionary<Guid, string>>(async connection => (await connection.QueryAsync<(Guid ProjectId, string? ImageFile)>(new CommandDefinition("""
            SELECT p.id, (SELECT s.image_file FROM sentences s JOIN sections c ON c.id = s.section_id
                          WHERE s.project_id = p.id AND s.image_file IS NOT NULL ORDER BY c.idx, s.idx LIMIT 1)
            FROM projects p WHERE p.owner_id = @ownerId
            """, new { ownerId }, cancellationToken: ct)))
            .Where(t => t.ImageFile is not null).ToDictionary(t => t.ProjectId, t => t.ImageFile!), ct);

    private sealed class ProjectRow
    {
        public Guid Id { get; set; }
        public Guid OwnerId { get; set; }
        public string Name { get; set; } = "";
        public int AspectRatio { get; set; }
        public string Style { get; set; } = "";
        public long CreatedAt { get; set; }
    }

    private sealed class SectionRow
    {
        public Guid Id { get; set; }
        public int Idx { get; set; }
        public string Title { get; set; } = "";
    }

    private sealed class ProjectListRow
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public int AspectRatio { get; set; }
        public long CreatedAt { get; set; }
        public long SentenceCount { get; set; }
        public long SentencesUpdatedAt { get; set; }
        public long UpdatedAt { get; set; }
    }
}
