using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;

namespace VideoGen.Web.Tests.Accounts;

/// <summary>Projects and finished jobs written straight into the studio's store, for tests that need them behind the pages.</summary>
public static class StudioData
{
    public static Task<Guid> UserIdAsync(this TestDatabase db, string email) =>
        db.Database.ReadAsync(c => c.QuerySingleAsync<Guid>(new CommandDefinition(
            "SELECT id FROM users WHERE normalized_email = @email", new { email = email.ToUpperInvariant() })), CancellationToken.None);

    public static Task<int> UserCountAsync(this TestDatabase db) =>
        db.Database.ReadAsync(c => c.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM users")), CancellationToken.None);

    public static async Task<Project> ImportAsync(this TestDatabase db, Guid owner, string name = "Tides", string script = "The tide rolls in. Gulls cry. Night falls.")
    {
        var project = Project.Import(owner, name, script, AspectRatio.Landscape, null, DateTimeOffset.UtcNow).Value!;
        await new ProjectStore(db.Database, TimeProvider.System).CreateAsync(project, CancellationToken.None);
        return project;
    }

    /// <summary>
    /// Queues an image for the sentence through the scheduler and runs it on <paramref name="device"/>
    /// through the queue: claimed, then after <paramref name="runTime"/> completed (or failed).
    /// </summary>
    public static async Task<GenerationJob> RunImageJobAsync(
        this TestDatabase db, Guid sentenceId, string device, DeviceKind kind, TimeSpan runTime, bool succeed = true)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var signal = new JobSignal();
        var timings = new QueueTimings();
        const string silo = "test-silo";
        await new DeviceRegistry(db.Database, timings, clock).HeartbeatAsync(new GpuDevice(device, kind, GpuDevice.LanesOf(kind)), silo, CancellationToken.None);
        var queued = await new JobScheduler(db.Database, signal, clock).RegenerateImageAsync(sentenceId, seed: null, skipVideo: true, CancellationToken.None);
        var queue = new JobQueue(db.Database, signal, timings, clock, NullLogger<JobQueue>.Instance);
        var claimed = await queue.ClaimAsync(device, Lane.Image, silo, CancellationToken.None)
            ?? throw new InvalidOperationException($"Device {device} claimed nothing.");
        if (claimed.Job.Id != queued.Value!.Id) throw new InvalidOperationException("Another job was claimed first.");
        clock.Advance(runTime);
        var done = succeed
            ? (await queue.CompleteAsync(claimed.Job.Id, claimed.Token, new JobOutput($"images/{sentenceId:N}.png"), CancellationToken.None)).Accepted
            : await queue.FailAsync(claimed.Job.Id, claimed.Token, "ComfyUI ran out of memory", CancellationToken.None);
        if (!done) throw new InvalidOperationException("The queue refused to finish the job.");
        return (await new JobReader(db.Database).GetAsync(claimed.Job.Id, CancellationToken.None))!;
    }
}
