using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Web.Tests.Pages;

/// <summary>Failures as a creator reads them: one sentence per reason, not a program's output repeated for every scene.</summary>
public sealed partial class FailureSummaryTests
{
    private static readonly string SpeechFailure = FailureText.Compose("espeak-ng could not speak the sentence.",
        "espeak-ng exited with code 1.\n/usr/bin/espeak-ng -v en-us -s 175 -b 1 --stdin --stdout: voice data not found");

    [Fact]
    public async Task ErrorSummary_OfScenesWhoseNarrationFailed_SaysTheReasonOnce_WithTheProgramsOutputBehindDetails()
    {
        await using var studio = await CreatorStudio.StartAsync(script: "The tide rolls in. Gulls cry.", complete: false);
        await new JobScheduler(studio.Db.Database, NoLanes.Instance, TimeProvider.System).GenerateAllAsync(studio.Project.Id, CancellationToken.None);
        await FinishEveryJobAsync(studio, Lane.Cpu, DeviceKind.Cpu, (queue, claimed) => queue.FailAsync(claimed.Job.Id, claimed.Token, SpeechFailure, CancellationToken.None));
        await FinishEveryJobAsync(studio, Lane.Image, DeviceKind.Preview, async (queue, claimed) =>
            (await queue.CompleteAsync(claimed.Job.Id, claimed.Token, new JobOutput($"images/{claimed.Job.Id:N}.png"), CancellationToken.None)).Accepted);
        var url = $"/Projects/{studio.Project.Id}";

        var toolbar = await studio.Alice.GetStringAsync($"{url}?handler=Toolbar");
        var inspector = await studio.Alice.GetStringAsync($"{url}?handler=Inspector&sentenceId={studio.Project.Sentences.First().Id}");

        var failure = Assert.Single(FailureItem().Matches(toolbar)).Value;
        Assert.Contains("<span class=\"failure-headline\" data-testid=\"failure-headline\">The clip waits for its narration, which failed: espeak-ng could not speak the sentence.</span>", failure);
        Assert.Contains("2 scenes", failure);
        Assert.Equal(2, Regex.Matches(failure, "--stdin --stdout").Count);
        Assert.DoesNotContain("--stdin", failure[..failure.IndexOf("<details", StringComparison.Ordinal)]);
        Assert.Contains("data-testid=\"failure-headline\">The clip waits for its narration, which failed: espeak-ng could not speak the sentence.</span>", inspector);
        Assert.Contains("<details class=\"failure-detail\"", inspector);
        Assert.Equal(0, (await new JobReader(studio.Db.Database).ListByProjectAsync(studio.Project.Id, CancellationToken.None)).Count(j => j is { Kind: JobKind.Video, Status: not JobStatus.Failed }));
    }

    /// <summary>Takes every job waiting on <paramref name="lane"/> as a silo's lane would, in the queue's order, and ends each with <paramref name="finish"/>.</summary>
    private static async Task FinishEveryJobAsync(CreatorStudio studio, Lane lane, DeviceKind kind, Func<JobQueue, ClaimedJob, Task<bool>> finish)
    {
        var device = new GpuDevice($"{kind}-test".ToLowerInvariant(), kind, GpuDevice.LanesOf(kind));
        await new DeviceRegistry(studio.Db.Database, new QueueTimings(), TimeProvider.System).HeartbeatAsync(device, "test-silo", answering: true, CancellationToken.None);
        var queue = new JobQueue(studio.Db.Database, NoLanes.Instance, new QueueTimings(), TimeProvider.System, NullLogger<JobQueue>.Instance);
        while (await queue.ClaimAsync(device.Name, lane, "test-silo", CancellationToken.None) is { } claimed)
            Assert.True(await finish(queue, claimed));
    }

    [GeneratedRegex("<li data-testid=\"failure\">.*?</li>", RegexOptions.Singleline)]
    private static partial Regex FailureItem();
}
