using Dapper;
using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>
/// Reads final cuts for pages and the API. Every read names the owner: another account's
/// export is answered exactly like one that does not exist.
/// </summary>
public sealed class ExportReader(Database database)
{
    /// <summary>The most exports a list shows, newest first.</summary>
    public const int ListLimit = 500;

    private const string Select = """
        SELECT e.id, e.project_id, p.name AS project_name, e.job_id, e.status, e.progress, e.width, e.height, e.fps,
               e.transitions, e.subtitles, e.file, e.thumbnail, e.subtitles_file, e.duration, e.error,
               e.created_at, e.started_at, e.finished_at
        FROM exports e JOIN projects p ON p.id = e.project_id
        """;

    public Task<ExportView?> GetAsync(Guid exportId, Guid ownerId, CancellationToken ct) =>
        database.ReadAsync(async connection => (await connection.QuerySingleOrDefaultAsync<ExportRow>(new CommandDefinition(
            $"{Select} WHERE e.id = @exportId AND p.owner_id = @ownerId", new { exportId, ownerId }, cancellationToken: ct)))?.ToView(), ct);

    /// <summary>
    /// The owner's exports, newest first; <paramref name="projectName"/> keeps those whose
    /// project name contains it (any case), <paramref name="statuses"/> those in one of the states.
    /// </summary>
    public Task<IReadOnlyList<ExportView>> ListAsync(Guid ownerId, string? projectName, IReadOnlyCollection<JobStatus>? statuses, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<ExportView>>(async connection =>
        {
            var sql = $"{Select} WHERE p.owner_id = @ownerId";
            var search = projectName?.Trim();
            if (!string.IsNullOrEmpty(search)) sql += @" AND LOWER(p.name) LIKE @pattern ESCAPE '\'";
            if (statuses is { Count: > 0 }) sql += $" AND e.status IN ({string.Join(", ", statuses.Select(s => (int)s))})";
            sql += $" ORDER BY e.created_at DESC, e.id DESC LIMIT {ListLimit}";
            var pattern = search is null ? null : "%" + Escape(search.ToLowerInvariant()) + "%";
            var rows = await connection.QueryAsync<ExportRow>(new CommandDefinition(sql, new { ownerId, pattern }, cancellationToken: ct));
            return rows.Select(r => r.ToView()).ToArray();
        }, ct);

    /// <summary>
    /// The project's newest export (or null), and whether its final cut is out of date: it has a
    /// finished export, and a scene changed after the newest one read the scenes (when its job
    /// started rendering). One connection for both.
    /// </summary>
    public Task<(ExportView? Latest, bool OutOfDate)> FinalCutOfProjectAsync(Guid projectId, CancellationToken ct) =>
        database.ReadAsync(async connection =>
        {
            var latest = (await connection.QueryFirstOrDefaultAsync<ExportRow>(new CommandDefinition(
                $"{Select} WHERE e.project_id = @projectId ORDER BY e.created_at DESC, e.id DESC", new { projectId }, cancellationToken: ct)))?.ToView();
            var read = await connection.QueryFirstOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT started_at FROM exports WHERE project_id = @projectId AND status = @succeeded ORDER BY started_at DESC",
                new { projectId, succeeded = (int)JobStatus.Succeeded }, cancellationToken: ct));
            var outOfDate = read is { } readAt && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM sentences WHERE project_id = @projectId AND updated_at > @readAt)",
                new { projectId, readAt }, cancellationToken: ct));
            return (latest, outOfDate);
        }, ct);

    private static string Escape(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    private sealed class ExportRow
    {
        public Guid Id { get; set; }
        public Guid ProjectId { get; set; }
        public string ProjectName { get; set; } = "";
        public Guid JobId { get; set; }
        public int Status { get; set; }
        public double Progress { get; set; }
        public int Width { get; set; }
        public int Height { get; set; }
        public int Fps { get; set; }
        public int Transitions { get; set; }
        public bool Subtitles { get; set; }
        public string? File { get; set; }
        public string? Thumbnail { get; set; }
        public string? SubtitlesFile { get; set; }
        public double? Duration { get; set; }
        public string? Error { get; set; }
        public long CreatedAt { get; set; }
        public long? StartedAt { get; set; }
        public long? FinishedAt { get; set; }

        public ExportView ToView() => new(
            Id, ProjectId, ProjectName, JobId, (JobStatus)Status, Progress, Width, Height, Fps, (ExportTransition)Transitions, Subtitles,
            File, Thumbnail, SubtitlesFile, Duration, Error, UnixTime.FromMs(CreatedAt), UnixTime.FromMs(StartedAt), UnixTime.FromMs(FinishedAt));
    }
}
