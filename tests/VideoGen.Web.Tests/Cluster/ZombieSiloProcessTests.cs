using System.Security.Cryptography;
using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Processes;
using Xunit.Abstractions;

namespace VideoGen.Web.Tests.Cluster;

/// <summary>
/// R3 with real processes on PostgreSQL: a silo frozen with SIGSTOP mid-job until Orleans declares it
/// dead and its job has run again elsewhere, then resumed with SIGCONT. Its ComfyUI finished the
/// prompt meanwhile, so on waking it has an output it could try to store; whatever it does before
/// Orleans ends it, the job, the scene's image (byte for byte) and the job's takes stay the rescued
/// ones. That a late write with the old claim token is refused is shown in process by
/// <c>ZombieOutputTests</c>: here the silo may be ended before it gets that far.
/// </summary>
public sealed class ZombieSiloProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [PostgresFact]
    public async Task FrozenSilo_ResumedAfterItsJobRanElsewhere_WritesNothing_AndTheRescuedOutputStays()
    {
        await using var fleet = await SiloFleet.StartAsync();
        // Long enough for a second silo to start and the first to be declared dead while the prompt still runs.
        var zombie = await fleet.StartSiloAsync("a", TimeSpan.FromSeconds(30));
        var sentenceId = (await fleet.Store.ImportAsync("One scene.")).Sentences.Single().Id;
        var job = (await fleet.Store.Scheduler.RegenerateImageAsync(sentenceId, null, skipVideo: true, CancellationToken.None)).Value!;
        await zombie.ComfyUi.WaitUntilAsync(f => f.Prompts.Count > 0, Patience);
        var rescuer = await fleet.StartSiloAsync("b", TimeSpan.FromMilliseconds(300));

        await zombie.Host.PauseAsync();
        var rescued = await fleet.Store.WaitForJobAsync(job.Id, JobStatus.Succeeded, Patience);
        // The frozen silo's prompt has finished at its ComfyUI by now: the output waits for it there.
        await zombie.ComfyUi.WaitUntilAsync(f => f.RunningPromptId is null, Patience);
        var before = await SnapshotAsync(fleet, sentenceId, job.Id);

        var requestsBefore = zombie.ComfyUi.Requests.Count;
        await zombie.Host.ResumeAsync();
        // Orleans ends a silo that learns it was declared dead; give it the time to try its writes either way.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!zombie.Host.HasExited && DateTime.UtcNow < deadline) await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = await SnapshotAsync(fleet, sentenceId, job.Id);

        var afterResume = zombie.ComfyUi.Requests.Skip(requestsBefore).Select(r => $"{r.Method} {r.Path}");
        output.WriteLine($"resumed silo {(zombie.Host.HasExited ? "exited" : "still runs")}; its requests to its ComfyUI since: " +
                         $"{string.Join(", ", afterResume)}; its last words:\n{zombie.Host.Tail(8)}");
        Assert.Equal((rescuer.Device, 2), (rescued.Device, rescued.Attempt));
        Assert.Equal(before, after);
        Assert.Equal((rescuer.Device, 1L), (after.TakeDevice, after.Takes));
    }

    /// <summary>What the frozen silo could have changed: the job's row, the scene's image and its bytes, the job's takes.</summary>
    private static async Task<Snapshot> SnapshotAsync(SiloFleet fleet, Guid sentenceId, Guid jobId)
    {
        var job = (await fleet.Store.Jobs.GetAsync(jobId, CancellationToken.None))!;
        var sentence = (await fleet.Store.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(fleet.MediaRoot, sentence.ImageFile!));
        var (takes, device) = await fleet.Store.Database.Database.ReadAsync(async c =>
        {
            var devices = (await c.QueryAsync<string>("SELECT device FROM takes WHERE job_id = @jobId", new { jobId })).ToArray();
            return ((long)devices.Length, devices.FirstOrDefault());
        }, CancellationToken.None);
        return new Snapshot(job.Status, job.Device, job.Attempt, job.FinishedAt, job.Error, sentence.ImageFile!, Convert.ToHexString(SHA256.HashData(bytes)),
            sentence.Version, takes, device);
    }

    private sealed record Snapshot(JobStatus Status, string? Device, int Attempt, DateTimeOffset? FinishedAt, string? Error, string ImageFile, string ImageHash,
        long SentenceVersion, long Takes, string? TakeDevice);
}
