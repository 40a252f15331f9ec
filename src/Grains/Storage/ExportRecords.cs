using System.Data.Common;
using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;

namespace VideoGen.Grains.Storage;

/// <summary>Reads and writes export rows inside a caller's transaction.</summary>
internal static class ExportRecords
{
    /// <summary>A new export of <paramref name="job"/>'s project, queued with its job.</summary>
    public static Task InsertAsync(
        DbConnection connection, DbTransaction transaction, Guid exportId, GenerationJob job, ExportSettings settings,
        (int Width, int Height) size, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO exports (id, project_id, job_id, status, progress, width, height, fps, transitions, subtitles, created_at)
            VALUES (@exportId, @ProjectId, @Id, @status, 0, @width, @height, @fps, @transitions, @subtitles, @createdAt)
            """, new
        {
            exportId, job.ProjectId, job.Id, status = (int)job.Status, width = size.Width, height = size.Height,
            fps = settings.FramesPerSecond, transitions = (int)settings.Transitions, subtitles = settings.Subtitles,
            createdAt = UnixTime.ToMs(job.CreatedAt),
        }, transaction, cancellationToken: ct));

    /// <summary>Mirrors the job's status, progress, error and times on its export; part of every save of an export job.</summary>
    public static Task SyncAsync(DbConnection connection, DbTransaction transaction, GenerationJob job, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE exports SET status = @status, progress = @Progress, error = @Error, started_at = @startedAt, finished_at = @finishedAt
            WHERE job_id = @Id
            """, new
        {
            job.Id, status = (int)job.Status, job.Progress, job.Error,
            startedAt = UnixTime.ToMs(job.StartedAt), finishedAt = UnixTime.ToMs(job.FinishedAt),
        }, transaction, cancellationToken: ct));

    /// <summary>Stores what the export job made; false when the export was deleted while it ran.</summary>
    public static async Task<bool> StoreOutputAsync(DbConnection connection, DbTransaction transaction, Guid jobId, JobOutput output, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE exports SET file = @File, thumbnail = @Thumbnail, subtitles_file = @Subtitles, duration = @DurationSeconds
            WHERE job_id = @jobId
            """, new { jobId, output.File, output.Thumbnail, output.Subtitles, output.DurationSeconds }, transaction, cancellationToken: ct)) == 1;

    /// <summary>The plan of the export made by job <paramref name="jobId"/>, with the project's scenes as they are now; null when the export is gone.</summary>
    public static async Task<ExportPlan?> LoadPlanAsync(DbConnection connection, DbTransaction transaction, Guid jobId, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(
            "SELECT id, project_id, width, height, fps, transitions, subtitles FROM exports WHERE job_id = @jobId",
            new { jobId }, transaction, cancellationToken: ct));
        if (row is null) return null;
        var scenes = await ScenesAsync(connection, transaction, row.ProjectId, ct);
        return new ExportPlan(row.Id, row.ProjectId, row.Width, row.Height, row.Fps, (ExportTransition)row.Transitions, row.Subtitles, scenes);
    }

    /// <summary>The project's scenes in narration order (sections, then sentences), numbered from 1.</summary>
    public static async Task<IReadOnlyList<ExportScene>> ScenesAsync(DbConnection connection, DbTransaction? transaction, Guid projectId, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<SceneRow>(new CommandDefinition("""
            SELECT s.id, s.text, s.image_file, s.video_file, s.audio_file, s.audio_duration
            FROM sentences s JOIN sections c ON c.id = s.section_id
            WHERE s.project_id = @projectId
            ORDER BY c.idx, s.idx
            """, new { projectId }, transaction, cancellationToken: ct));
        return rows.Select((r, i) => new ExportScene(r.Id, i + 1, r.Text, r.ImageFile, r.VideoFile, r.AudioFile, r.AudioDuration)).ToArray();
    }

    private sealed class PlanRow
    {
        public Guid Id { get; set; }
        public Guid ProjectId { get; set; }
        public int Width { get; set; }
        public int Height { get; set; }
        public int Fps { get; set; }
        public int Transitions { get; set; }
        public bool Subtitles { get; set; }
    }

    private sealed class SceneRow
    {
        public Guid Id { get; set; }
        public string Text { get; set; } = "";
        public string? ImageFile { get; set; }
        public string? VideoFile { get; set; }
        public string? AudioFile { get; set; }
        public double? AudioDuration { get; set; }
    }
}
