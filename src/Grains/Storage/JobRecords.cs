using System.Data.Common;
using Dapper;
using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>Reads and writes job rows inside a caller's transaction.</summary>
internal static class JobRecords
{
    /// <summary>
    /// Inserts a queued job. Its fair-queue position is one after the later of: the
    /// project's last queued job in the lane, and the head of the lane's queue. So a
    /// project's jobs keep their order, and a project arriving behind a long batch of
    /// another is interleaved with it instead of waiting for all of it.
    /// </summary>
    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, GenerationJob job, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO jobs ({JobRow.Columns})
            VALUES (@Id, @ProjectId, @SentenceId, @Kind, @Lane, @Status, @Priority,
                    1 + (SELECT MAX(v) FROM (
                        SELECT COALESCE(MAX(fair_seq), 0) AS v FROM jobs WHERE project_id = @ProjectId AND lane = @Lane AND status = 0
                        UNION ALL
                        SELECT COALESCE(MIN(fair_seq), 1) - 1 AS v FROM jobs WHERE lane = @Lane AND status = 0 AND priority = @Priority) AS heads),
                    @BatchId, @Attempt, @MaxAttempts, @Error, @ThenVideo, @SkipVideo, @Seed, @Progress, @Step, @Device, @Silo,
                    @ClaimToken, @LeaseUntil, @CancelRequested, @NotBefore, @Output, @CreatedAt, @StartedAt, @FinishedAt, @Variation)
            """, JobRow.From(job.ToState()), transaction, cancellationToken: ct));

    public static async Task<GenerationJob?> LoadAsync(DbConnection connection, DbTransaction? transaction, Guid id, string lockClause, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
            $"SELECT {JobRow.Columns} FROM jobs WHERE id = @id{lockClause}", new { id }, transaction, cancellationToken: ct));
        return row is null ? null : GenerationJob.FromState(row.ToState());
    }

    /// <summary>
    /// Writes the job if it is still in the state and under the claim it was loaded with,
    /// with its events (unless <paramref name="withEvents"/> is false: then the caller appends
    /// them). False when someone else changed it first (nothing written).
    /// </summary>
    public static async Task<bool> SaveAsync(
        Database database, DbConnection connection, DbTransaction transaction, GenerationJob job,
        JobStatus expectedStatus, Guid? expectedToken, DateTimeOffset now, CancellationToken ct, long notBefore = 0, bool withEvents = true)
    {
        var row = JobRow.From(job.ToState(), notBefore);
        var updated = await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE jobs SET status = @Status, attempt = @Attempt, error = @Error, then_video = @ThenVideo,
                progress = @Progress, step = @Step, device = @Device, silo = @Silo, claim_token = @ClaimToken,
                lease_until = @LeaseUntil, cancel_requested = @CancelRequested, not_before = @NotBefore, output = @Output,
                started_at = @StartedAt, finished_at = @FinishedAt
            WHERE id = @Id AND status = @ExpectedStatus AND {database.NullSafeEquals("claim_token", "@ExpectedToken")}
            """, new DynamicParameters(row).Also(p =>
            {
                p.Add("ExpectedStatus", (int)expectedStatus);
                p.Add("ExpectedToken", expectedToken);
            }), transaction, cancellationToken: ct));
        if (updated == 0) return false;
        if (job.Kind == JobKind.Export) await ExportRecords.SyncAsync(connection, transaction, job, ct);
        if (withEvents) EventStore.Stage(database, transaction, job.TakeEvents(), now);
        return true;
    }

    private static DynamicParameters Also(this DynamicParameters parameters, Action<DynamicParameters> add)
    {
        add(parameters);
        return parameters;
    }
}
