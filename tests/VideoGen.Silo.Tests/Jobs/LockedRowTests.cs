using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Npgsql;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Jobs;

/// <summary>
/// PostgreSQL: rows held by a transaction that does not move (its process frozen) do not stall
/// the queue. Claims and rescues wait a bounded time or pass over the rows and come back, and the
/// server ends a session left idle inside a transaction well within a lease.
/// </summary>
public sealed class LockedRowTests
{
    private const string Silo = "tester";

    /// <summary>Longer than any bounded wait here; the old unbounded waits would outlast it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [PostgresFact]
    public async Task Rescue_OfAJobWhoseSentenceIsLocked_PassesOverItAndComesBackOnceTheLockGoes()
    {
        await using var cluster = await QueueCluster.StartAsync("postgres");
        var queue = await QueueWithDeviceAsync(cluster);
        var (sentenceId, job) = await QueueImageAsync(cluster);
        var claimed = (await queue.ClaimAsync("gpu-0", Lane.Image, Silo, CancellationToken.None))!;
        await cluster.Database.Database.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition("UPDATE jobs SET lease_until = 0 WHERE id = @id", new { id = job.Id }, t)), CancellationToken.None);

        await using (var frozen = await LockSentenceAsync(cluster, sentenceId))
        {
            var clock = Stopwatch.StartNew();
            Assert.Equal(0, await queue.RescueExpiredAsync(CancellationToken.None).WaitAsync(Patience));
            Assert.True(clock.Elapsed < PostgresDatabase.LockWaitLimit, $"The rescue waited {clock.Elapsed.TotalSeconds:0.0} s on the locked sentence.");
            Assert.Equal((JobStatus.Running, claimed.Token), await StatusAsync(cluster, job.Id));
        }

        Assert.Equal(1, await queue.RescueExpiredAsync(CancellationToken.None));
        var rescued = (await cluster.Jobs.GetAsync(job.Id, CancellationToken.None))!;
        Assert.Equal((JobStatus.Queued, 2), (rescued.Status, rescued.Attempt));
    }

    [PostgresFact]
    public async Task Claim_OfAJobWhoseSentenceIsLocked_GivesUpWithinTheBoundAndLeavesTheJobQueued()
    {
        await using var cluster = await QueueCluster.StartAsync("postgres");
        var queue = await QueueWithDeviceAsync(cluster);
        var (sentenceId, job) = await QueueImageAsync(cluster);

        await using (var frozen = await LockSentenceAsync(cluster, sentenceId))
        {
            Assert.Null(await queue.ClaimAsync("gpu-0", Lane.Image, Silo, CancellationToken.None).WaitAsync(Patience));
            Assert.Equal(JobStatus.Queued, (await cluster.Jobs.GetAsync(job.Id, CancellationToken.None))!.Status);
        }

        Assert.Equal(job.Id, (await queue.ClaimAsync("gpu-0", Lane.Image, Silo, CancellationToken.None))!.Job.Id);
    }

    [PostgresFact]
    public async Task Session_IdleInsideATransactionPastTheLimit_IsEndedByTheServer()
    {
        await using var db = await TestDatabase.CreateAsync("postgres");
        await using var connection = await db.Database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        Assert.Equal("5s", await connection.ExecuteScalarAsync<string>("SHOW idle_in_transaction_session_timeout", transaction: transaction));

        await Task.Delay(PostgresDatabase.IdleTransactionLimit + TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteScalarAsync<int>("SELECT 1", transaction: transaction));
    }

    private static async Task<JobQueue> QueueWithDeviceAsync(QueueCluster cluster)
    {
        await cluster.Registry.HeartbeatAsync(new GpuDevice("gpu-0", DeviceKind.ComfyUi, GpuDevice.LanesOf(DeviceKind.ComfyUi)), Silo, answering: true, CancellationToken.None);
        return cluster.NewQueue();
    }

    private static async Task<(Guid SentenceId, GenerationJob Job)> QueueImageAsync(QueueCluster cluster)
    {
        var sentenceId = (await cluster.ImportAsync("One scene.")).Sentences.Single().Id;
        return (sentenceId, (await cluster.Scheduler.RegenerateImageAsync(sentenceId, null, skipVideo: true, CancellationToken.None)).Value!);
    }

    /// <summary>A connection of "another process" holding the sentence's row in a transaction that goes nowhere; disposing it lets go.</summary>
    private static async Task<NpgsqlConnection> LockSentenceAsync(QueueCluster cluster, Guid sentenceId)
    {
        var connection = new NpgsqlConnection(cluster.Database.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT id FROM sentences WHERE id = @sentenceId FOR UPDATE", new { sentenceId }, transaction);
        return connection;
    }

    private static Task<(JobStatus, Guid)> StatusAsync(QueueCluster cluster, Guid jobId) =>
        cluster.Database.Database.ReadAsync(c => c.QuerySingleAsync<(JobStatus, Guid)>(
            new CommandDefinition("SELECT status, claim_token FROM jobs WHERE id = @jobId", new { jobId })), CancellationToken.None);
}
