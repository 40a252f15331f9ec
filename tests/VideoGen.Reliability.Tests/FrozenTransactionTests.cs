using System.Diagnostics;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Lanes;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Processes;
using Xunit.Abstractions;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Reliability.Tests;

/// <summary>
/// R3 with real processes on PostgreSQL: a silo frozen (<c>SIGSTOP</c>) while its completion
/// transaction holds its job's and sentence's rows must not hold the cluster back past its lease.
/// The server ends the frozen session, another silo rescues and runs the job, and when the frozen
/// silo wakes its completion is refused and the output the rescue stored stays.
/// </summary>
[Collection(FrozenSiloCollection.Name)]
public sealed class FrozenTransactionTests(ITestOutputHelper output)
{
    /// <summary>The hosts run with the default pacing: a 10 s lease, a rescue every 2 s.</summary>
    private static readonly QueueTimings Timings = new();

    /// <summary>Room for the rescuer's claim after the requeue and for a loaded 2-core machine.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(3);

    [PostgresFact]
    public async Task SiloFrozenInsideItsCompletion_LosesTheJobWithinTheLease_AndItsLateCompletionIsRefused()
    {
        await using var db = await TestDatabase.CreateMigratedAsync("postgres");
        var media = new MediaFiles(Path.Combine(Path.GetTempPath(), "videogen-tests", Guid.NewGuid().ToString("N"), "media"));
        var jobs = new JobReader(db.Database);
        var sentences = new SentenceStore(db.Database, TimeProvider.System);
        await using var frozen = StartSilo(db, media, "frozen", holdCompletion: true);
        await frozen.WaitUntilAliveAsync(TimeSpan.FromSeconds(60));

        var project = Project.Import(await TestAccounts.InsertAsync(db.Database), "Frozen", "One scene.", AspectRatio.Landscape, null, DateTimeOffset.UtcNow).Value!;
        await new ProjectStore(db.Database, TimeProvider.System).CreateAsync(project, CancellationToken.None);
        var sentenceId = project.Sentences.Single().Id;
        var scheduler = new JobScheduler(db.Database, NoLanes.Instance, TimeProvider.System);
        var job = (await scheduler.RegenerateImageAsync(sentenceId, null, skipVideo: true, CancellationToken.None)).Value!;

        await frozen.WaitForOutputAsync($"Holding the completion of job {job.Id}", TimeSpan.FromSeconds(60));
        await frozen.PauseAsync();
        var sinceFreeze = Stopwatch.StartNew();
        await using var rescuer = StartSilo(db, media, "rescuer", holdCompletion: false);

        GenerationJob? current = null;
        await WaitUntilAsync(async () => (current = await jobs.GetAsync(job.Id, CancellationToken.None))!.Device == "preview-rescuer",
            TimeSpan.FromSeconds(60), () => $"the rescuer to claim job {job.Id} (it is {current?.Status} on {current?.Device});\n{rescuer.Tail()}");
        var claimedAfter = sinceFreeze.Elapsed;
        var finished = await WaitForJobAsync(jobs, job.Id, JobStatus.Succeeded, rescuer);
        output.WriteLine($"claimed by the rescuer {claimedAfter.TotalSeconds:0.0} s after the freeze, succeeded after {sinceFreeze.Elapsed.TotalSeconds:0.0} s");
        Assert.True(claimedAfter <= Timings.Lease + Timings.RescueInterval + Slack,
            $"The rescuer claimed the job {claimedAfter.TotalSeconds:0.0} s after the freeze (lease {Timings.Lease.TotalSeconds} s + rescue every {Timings.RescueInterval.TotalSeconds} s).");
        Assert.Equal(("preview-rescuer", 2), (finished.Device, finished.Attempt));
        var rescuedImage = (await sentences.GetAsync(sentenceId, CancellationToken.None))!.ImageFile!;

        await frozen.ResumeAsync();
        await frozen.WaitForOutputAsync($"Job {job.Id} finished after its claim was lost", TimeSpan.FromSeconds(30));

        var after = (await jobs.GetAsync(job.Id, CancellationToken.None))!;
        Assert.Equal((JobStatus.Succeeded, "preview-rescuer", 2, finished.Output), (after.Status, after.Device, after.Attempt, after.Output));
        Assert.Equal(rescuedImage, (await sentences.GetAsync(sentenceId, CancellationToken.None))!.ImageFile);
        Assert.True(File.Exists(media.ToAbsolute(rescuedImage)), "the rescued image is still on disk");
    }

    private static HostProcess StartSilo(TestDatabase db, MediaFiles media, string name, bool holdCompletion)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Store:Provider"] = "postgres",
            ["Store:ConnectionString"] = db.ConnectionString,
            ["Media:Root"] = media.Root,
            ["Silo:Name"] = name,
            ["Devices:0:Name"] = $"preview-{name}",
            ["Devices:0:Kind"] = "preview",
            ["Logging:LogLevel:VideoGen.Silo.Media"] = "Warning",
        };
        if (holdCompletion) settings[CompletionHold.Variable] = "20";
        return HostProcess.Start("Silo", name, settings);
    }

    private static async Task<GenerationJob> WaitForJobAsync(JobReader jobs, Guid jobId, JobStatus status, HostProcess runner)
    {
        GenerationJob? job = null;
        await WaitUntilAsync(async () => (job = await jobs.GetAsync(jobId, CancellationToken.None))?.Status == status,
            TimeSpan.FromSeconds(30), () => $"job {jobId} to be {status} (it is {job?.Status}: {job?.Error});\n{runner.Tail()}");
        return job!;
    }

    private static Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what) =>
        VideoGen.TestSupport.Cluster.QueueCluster.WaitUntilAsync(condition, timeout, what);
}
