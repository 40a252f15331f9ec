using Dapper;
using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>Account usage counted on the store's database.</summary>
public sealed class AccountUsageStore(Database database) : IAccountUsageStore
{
    public Task<AccountUsage> UsageOfAsync(Guid userId, CancellationToken ct) =>
        database.ReadAsync(async connection =>
        {
            var projects = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM projects WHERE owner_id = @userId", new { userId }, cancellationToken: ct));
            var gpuMs = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                SELECT CAST(COALESCE(SUM(j.finished_at - j.started_at), 0) AS bigint)
                FROM jobs j
                JOIN projects p ON p.id = j.project_id
                JOIN devices d ON d.name = j.device
                WHERE p.owner_id = @userId AND j.status IN (@succeeded, @failed) AND d.kind = @comfyUi
                  AND j.started_at IS NOT NULL AND j.finished_at IS NOT NULL
                """, new { userId, succeeded = (int)JobStatus.Succeeded, failed = (int)JobStatus.Failed, comfyUi = (int)DeviceKind.ComfyUi },
                cancellationToken: ct));
            var exports = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM exports e JOIN projects p ON p.id = e.project_id WHERE p.owner_id = @userId AND e.status = @succeeded",
                new { userId, succeeded = (int)JobStatus.Succeeded }, cancellationToken: ct));
            return new AccountUsage((int)projects, gpuMs / 1000.0, (int)exports);
        }, ct);
}
