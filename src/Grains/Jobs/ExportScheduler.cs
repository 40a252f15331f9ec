using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// The creator's side of final cuts: start one (after checking that every scene has what it
/// needs, so nothing is discovered halfway), and delete one. Every request names the owner:
/// another account's project or export is answered exactly like one that does not exist.
/// </summary>
public sealed class ExportScheduler(Database database, ILaneDispatch lanes, JobScheduler jobs, TimeProvider clock)
{
    /// <summary>
    /// Queues an export job of the project on a CPU lane, with its export row, in one
    /// transaction; refused with the incomplete scenes when any scene lacks an image, a clip
    /// or narration.
    /// </summary>
    public async Task<ExportStart> StartAsync(Guid projectId, Guid ownerId, ExportSettings settings, CancellationToken ct)
    {
        if (settings.Problem() is { } problem) throw new DomainException(problem);
        var now = clock.GetUtcNow();
        var start = await database.WriteAsync(async (connection, transaction) =>
        {
            var ratio = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
                $"SELECT aspect_ratio FROM projects WHERE id = @projectId AND owner_id = @ownerId{database.RowLockClause}",
                new { projectId, ownerId }, transaction, cancellationToken: ct));
            if (ratio is not { } aspect) return ExportStart.ProjectNotFound;
            var scenes = await ExportRecords.ScenesAsync(connection, transaction, projectId, ct);
            if (!ExportRules.IsReady(scenes)) return ExportStart.Missing(ExportRules.Incomplete(scenes));

            var job = GenerationJob.Create(projectId, sentenceId: null, JobKind.Export, JobPriority.Interactive, now);
            var exportId = Guid.CreateVersion7(now);
            await JobRecords.InsertAsync(connection, transaction, job, ct);
            await ExportRecords.InsertAsync(connection, transaction, exportId, job, settings, ExportSettings.FrameSize((AspectRatio)aspect), ct);
            EventStore.Stage(database, transaction, job.TakeEvents(), now);
            return ExportStart.Started(exportId, job.Id);
        }, ct);
        if (start.Status == ExportStartStatus.Started) lanes.WorkQueued([Lane.Cpu]);
        return start;
    }

    /// <summary>
    /// Deletes the export: its job is cancelled (a running one is asked to stop) and its row
    /// removed. Returns the files to delete (relative to the media root), or null when the
    /// export does not exist or is not <paramref name="ownerId"/>'s.
    /// </summary>
    public async Task<IReadOnlyList<string>?> DeleteAsync(Guid exportId, Guid ownerId, CancellationToken ct)
    {
        var jobId = await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT e.job_id FROM exports e JOIN projects p ON p.id = e.project_id WHERE e.id = @exportId AND p.owner_id = @ownerId",
            new { exportId, ownerId }, cancellationToken: ct)), ct);
        if (jobId is not { } id) return null;
        await jobs.CancelAsync(id, ct);
        return await database.WriteAsync<IReadOnlyList<string>?>(async (connection, transaction) =>
        {
            var files = await connection.QuerySingleOrDefaultAsync<(string? File, string? Thumbnail, string? Subtitles)?>(new CommandDefinition(
                $"SELECT file, thumbnail, subtitles_file FROM exports WHERE id = @exportId{database.RowLockClause}",
                new { exportId }, transaction, cancellationToken: ct));
            if (files is not { } found) return null;
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM exports WHERE id = @exportId", new { exportId }, transaction, cancellationToken: ct));
            return new[] { found.File, found.Thumbnail, found.Subtitles }.OfType<string>().ToArray();
        }, ct);
    }
}
