using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Jobs;

/// <summary>The queue's rules, driven directly without silos: claim order, fairness, claims and tokens, cancel against completion.</summary>
public sealed class JobQueueTests
{
    private const string Silo = "tester";

    private static async Task<(QueueCluster Cluster, JobQueue Queue)> StartAsync(string provider, params string[] devices)
    {
        var cluster = await QueueCluster.StartAsync(provider);
        foreach (var device in devices)
            await cluster.Registry.HeartbeatAsync(new GpuDevice(device, DeviceKind.ComfyUi, GpuDevice.LanesOf(DeviceKind.ComfyUi)), Silo, answering: true, CancellationToken.None);
        return (cluster, cluster.NewQueue());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_SingleRegenerate_GoesAheadOfBulkWork(string provider)
    {
        var (cluster, queue) = await StartAsync(provider, "gpu-0");
        await using var _ = cluster;
        var bulk = await cluster.ImportAsync(QueueCluster.Script(5));
        var single = await cluster.ImportAsync("One scene.");
        await cluster.Scheduler.GenerateAllAsync(bulk.Id, CancellationToken.None);
        var interactive = (await cluster.Scheduler.RegenerateImageAsync(single.Sentences.Single().Id, null, false, CancellationToken.None)).Value!;

        var first = await queue.ClaimAsync("gpu-0", Lane.Image, Silo, CancellationToken.None);

        Assert.Equal(interactive.Id, first!.Job.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_TwoProjectsBulkWork_IsInterleavedRoundRobin(string provider)
    {
        var (cluster, queue) = await StartAsync(provider, "gpu-0");
        await using var _ = cluster;
        var big = await cluster.ImportAsync(QueueCluster.Script(20));
        var small = await cluster.ImportAsync(QueueCluster.Script(3));
        await cluster.Scheduler.GenerateAllAsync(big.Id, CancellationToken.None);
        await cluster.Scheduler.GenerateAllAsync(small.Id, CancellationToken.None);

        var order = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            var claimed = await queue.ClaimAsync("gpu-0", Lane.Image, Silo, CancellationToken.None);
            order.Add(claimed!.Job.ProjectId);
            Assert.True((await queue.CompleteAsync(claimed.Job.Id, claimed.Token, new JobOutput($"x/{i}.png"), CancellationToken.None)).Accepted);
        }

        // The small project queued behind 20 jobs, yet all three of its scenes run within the first eight claims.
        Assert.Equal(3, order.Count(p => p == small.Id));
        Assert.Equal(big.Id, order[0]);
        Assert.Contains(small.Id, order.Take(3));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_DeviceHeldByAnotherSilo_ClaimsNothing(string provider)
    {
        var (cluster, queue) = await StartAsync(provider, "gpu-0");
        await using var _ = cluster;
        var project = await cluster.ImportAsync("One scene.");
        await cluster.Scheduler.RegenerateImageAsync(project.Sentences.Single().Id, null, false, CancellationToken.None);

        Assert.Null(await queue.ClaimAsync("gpu-0", Lane.Image, "another-silo", CancellationToken.None));
        Assert.NotNull(await queue.ClaimAsync("gpu-0", Lane.Image, Silo, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_SecondJobOnABusyLane_IsRefusedByTheStore(string provider)
    {
        var (cluster, queue) = await StartAsync(provider, "gpu-0");
        await using var _ = cluster;
        var project = await cluster.ImportAsync("One. Two.");
        foreach (var sentence in project.Sentences)
            await cluster.Scheduler.RegenerateImageAsync(sentence.Id, null, false, CancellationToken.None);

        Assert.NotNull(await queue.ClaimAsync("gpu-0", Lane.Image, Silo, CancellationToken.None));
        // A buggy or second process asking for the same lane again: the unique index says no.
        Assert.Null(await queue.ClaimAsync("gpu-0", Lane.Image, Silo, CancellationToken.None));
        Assert.Equal(1, await cluster.MostRunningOnOneLaneAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LaneStages_OneJobOnTheDeviceAndOneNext_TheNextTakesTheDeviceOnlyOnceTheFirstLeftIt(string provider)
    {
        var (cluster, queue) = await StartAsync(provider, "gpu-0");
        await using var _ = cluster;
        var project = await cluster.ImportAsync("One. Two. Three.");
        foreach (var sentence in project.Sentences)
            await cluster.Scheduler.RegenerateImageAsync(sentence.Id, null, true, CancellationToken.None);

        var first = (await queue.ClaimAsync("gpu-0", Lane.Image, Silo, CancellationToken.None))!;
        var next = (await queue.ClaimNextAsync("gpu-0", Lane.Image, Silo, CancellationToken.None))!;
        Assert.Equal(LaneSteps.UpNext, next.Job.Step);
        // One next per lane, and the device's place is taken either way.
        Assert.Null(await queue.ClaimNextAsync("gpu-0", Lane.Image, Silo, CancellationToken.None));
        Assert.Null(await queue.ClaimAsync("gpu-0", Lane.Image, Silo, CancellationToken.None));
        // The next job cannot go on the device while the first is on it, whatever the lane believes.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => queue.TakeDeviceAsync(next.Job.Id, next.Token, CancellationToken.None));
        Assert.False(await queue.LeaveDeviceAsync(first.Job.Id, Guid.NewGuid(), CancellationToken.None));
        Assert.Equal(1, await cluster.MostRunningOnOneLaneAsync());
        // The operator's view: the next job waits like a queued one; only the first runs on the device.
        var workload = await new LaneWorkloadReader(cluster.Database.Database, TimeProvider.System).ReadAsync(CancellationToken.None);
        Assert.Equal(new LaneLoad(Lane.Image, 2, 1), workload.Lanes.Single(l => l.Lane == Lane.Image));
        Assert.Equal(first.Job.Id, Assert.Single(workload.Running).Id);

        Assert.True(await queue.LeaveDeviceAsync(first.Job.Id, first.Token, CancellationToken.None));
        Assert.True(await queue.TakeDeviceAsync(next.Job.Id, next.Token, CancellationToken.None));
        Assert.False(await queue.TakeDeviceAsync(next.Job.Id, next.Token, CancellationToken.None));
        Assert.Equal(1, await cluster.MostRunningOnOneLaneAsync());
        var onDevice = (await cluster.Jobs.GetAsync(next.Job.Id, CancellationToken.None))!;
        Assert.Equal((JobStatus.Running, null), (onDevice.Status, onDevice.Step));

        // The first still stores its output under its claim; the third is the new next.
        Assert.True((await queue.CompleteAsync(first.Job.Id, first.Token, new JobOutput("x/1.png"), CancellationToken.None)).Accepted);
        var third = await queue.ClaimNextAsync("gpu-0", Lane.Image, Silo, CancellationToken.None);
        Assert.Equal(project.Sentences.ElementAt(2).Id, third?.Job.SentenceId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Writes_WithALostClaimToken_ChangeNothing(string provider)
    {
        var (cluster, queue) = await StartAsync(provider, "gpu-0");
        await using var _ = cluster;
        var project = await cluster.ImportAsync("One.");
        await cluster.Scheduler.RegenerateImageAsync(project.Sentences.Single().Id, null, false, CancellationToken.None);
        var claimed = (await queue.ClaimAsync("gpu-0", Lane.Image, Silo, CancellationToken.None))!;
        var stale = Guid.NewGuid();

        Assert.False(await queue.RenewAsync(claimed.Job.Id, stale, CancellationToken.None));
        Assert.False(await queue.ReportProgressAsync(claimed.Job.Id, stale, 0.5, "x", CancellationToken.None));
        Assert.False((await queue.CompleteAsync(claimed.Job.Id, stale, new JobOutput("x.png"), CancellationToken.None)).Accepted);
        Assert.False(await queue.FailAsync(claimed.Job.Id, stale, "x", CancellationToken.None));

        var job = (await cluster.Jobs.GetAsync(claimed.Job.Id, CancellationToken.None))!;
        Assert.Equal((JobStatus.Running, 0.0, claimed.Token), (job.Status, job.Progress, job.ClaimToken!.Value));
        Assert.Null((await cluster.Sentences.GetAsync(project.Sentences.Single().Id, CancellationToken.None))!.ImageFile);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cancel_RacingCompletion_CompletionWinsButTheCascadeStops(string provider)
    {
        var (cluster, queue) = await StartAsync(provider, "gpu-0");
        await using var _ = cluster;
        var project = await cluster.ImportAsync("One.");
        var sentenceId = project.Sentences.Single().Id;
        await cluster.Scheduler.RegenerateImageAsync(sentenceId, null, false, CancellationToken.None);
        var claimed = (await queue.ClaimAsync("gpu-0", Lane.Image, Silo, CancellationToken.None))!;

        var cancelled = await cluster.Scheduler.CancelAsync(claimed.Job.Id, CancellationToken.None);
        var completion = await queue.CompleteAsync(claimed.Job.Id, claimed.Token, new JobOutput("done.png"), CancellationToken.None);

        Assert.True(cancelled!.CancelRequested);
        Assert.True(completion.Accepted);
        Assert.Null(completion.CascadedJobId);
        Assert.Equal(JobStatus.Succeeded, (await cluster.Jobs.GetAsync(claimed.Job.Id, CancellationToken.None))!.Status);
        var sentence = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        Assert.Equal(("done.png", true, AssetStatus.Idle), (sentence.ImageFile, sentence.IsVideoDirty, sentence.VideoStatus));
        Assert.DoesNotContain(await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None), j => j.Kind == JobKind.Video);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegenerateVideo_WithoutImage_IsAConflict(string provider)
    {
        var (cluster, _) = await StartAsync(provider);
        await using var __ = cluster;
        var project = await cluster.ImportAsync("One.");

        var outcome = await cluster.Scheduler.RegenerateVideoAsync(project.Sentences.Single().Id, null, CancellationToken.None);

        Assert.Equal(ValidationErrorKind.Conflict, Assert.Single(outcome.Errors).Kind);
        Assert.Empty(await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegenerateImage_WithEmptyPrompt_IsRefusedAndQueuesNothing(string provider)
    {
        var (cluster, _) = await StartAsync(provider);
        await using var __ = cluster;
        var project = await cluster.ImportAsync("One.");
        var id = project.Sentences.Single().Id;
        await cluster.Sentences.UpdateAsync(id, s => s.EditImagePrompt("  ", DateTimeOffset.UtcNow), CancellationToken.None);

        var outcome = await cluster.Scheduler.RegenerateImageAsync(id, null, false, CancellationToken.None);

        Assert.Equal(("imagePrompt", ValidationErrorKind.Invalid), (Assert.Single(outcome.Errors).Field, outcome.Errors[0].Kind));
        Assert.Empty(await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegenerateImage_Twice_RefusesTheSecondWhileTheFirstIsQueued(string provider)
    {
        var (cluster, _) = await StartAsync(provider);
        await using var __ = cluster;
        var project = await cluster.ImportAsync("One.");
        var id = project.Sentences.Single().Id;

        Assert.True((await cluster.Scheduler.RegenerateImageAsync(id, 7, false, CancellationToken.None)).Succeeded);
        var second = await cluster.Scheduler.RegenerateImageAsync(id, null, false, CancellationToken.None);

        Assert.Equal(ValidationErrorKind.Conflict, Assert.Single(second.Errors).Kind);
        var sentence = (await cluster.Sentences.GetAsync(id, CancellationToken.None))!;
        Assert.Equal((AssetStatus.Queued, 7L), (sentence.ImageStatus, sentence.Seed!.Value));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rescue_ExpiredLeaseOnLastAttempt_FailsWithTheReason(string provider)
    {
        var (cluster, queue) = await StartAsync(provider, "gpu-0");
        await using var _ = cluster;
        var project = await cluster.ImportAsync("One.");
        await cluster.Scheduler.RegenerateImageAsync(project.Sentences.Single().Id, null, false, CancellationToken.None);

        for (var attempt = 1; attempt <= GenerationJob.DefaultMaxAttempts; attempt++)
        {
            var claimed = await queue.ClaimAsync("gpu-0", Lane.Image, Silo, CancellationToken.None);
            Assert.Equal(attempt, claimed!.Job.Attempt);
            await Task.Delay(cluster.Timings.Lease + TimeSpan.FromMilliseconds(100));
            Assert.Equal(1, await queue.RescueExpiredAsync(CancellationToken.None));
        }

        var job = Assert.Single(await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None));
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("stopped answering", job.Error);
        var sentence = (await cluster.Sentences.GetAsync(project.Sentences.Single().Id, CancellationToken.None))!;
        Assert.Equal(AssetStatus.Failed, sentence.ImageStatus);
    }
}
