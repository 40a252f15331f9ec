using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

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
        var queued = (await new JobScheduler(db.Database, NoLanes.Instance, clock).RegenerateImageAsync(sentenceId, seed: null, skipVideo: true, CancellationToken.None)).Value!;
        await db.RunJobAsync(queued.Id, new GpuDevice(device, kind, GpuDevice.LanesOf(kind)), Lane.Image,
            succeed ? new JobOutput($"images/{sentenceId:N}.png") : null, "ComfyUI ran out of memory", clock, runTime);
        return (await new JobReader(db.Database).GetAsync(queued.Id, CancellationToken.None))!;
    }

    /// <summary>
    /// Runs the queued job <paramref name="jobId"/> on <paramref name="device"/> as a silo's lane does, through the
    /// queue: claimed on <paramref name="lane"/>, then after <paramref name="runTime"/> on <paramref name="clock"/>
    /// completed with <paramref name="output"/>, or failed with <paramref name="error"/> when there is no output.
    /// </summary>
    public static async Task RunJobAsync(this TestDatabase db, Guid jobId, GpuDevice device, Lane lane, JobOutput? output, string error,
        ManualClock? clock = null, TimeSpan runTime = default)
    {
        clock ??= new ManualClock(DateTimeOffset.UtcNow);
        var timings = new QueueTimings();
        const string silo = "test-silo";
        await new DeviceRegistry(db.Database, timings, clock).HeartbeatAsync(device, silo, answering: true, CancellationToken.None);
        var queue = new JobQueue(db.Database, NoLanes.Instance, timings, clock, NullLogger<JobQueue>.Instance);
        var claimed = await queue.ClaimAsync(device.Name, lane, silo, CancellationToken.None)
            ?? throw new InvalidOperationException($"Device {device.Name} claimed nothing.");
        if (claimed.Job.Id != jobId) throw new InvalidOperationException("Another job was claimed first.");
        clock.Advance(runTime);
        var done = output is not null
            ? (await queue.CompleteAsync(claimed.Job.Id, claimed.Token, output, CancellationToken.None)).Accepted
            : await queue.FailAsync(claimed.Job.Id, claimed.Token, error, CancellationToken.None);
        if (!done) throw new InvalidOperationException("The queue refused to finish the job.");
    }
}
