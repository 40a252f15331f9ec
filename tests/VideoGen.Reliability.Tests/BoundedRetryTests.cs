using VideoGen.Grains.Domain;
using VideoGen.Silo.ComfyUi;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Reliability.Tests;

/// <summary>
/// R8 against the fake ComfyUI through a silo: a dropped socket is ridden out within the
/// attempt; a burst of 5xx longer than the client's own retries costs one attempt and then
/// succeeds; a server that always answers 500 ends the job failed after its bounded attempts,
/// with the reason on the job and on the scene.
/// </summary>
public sealed class BoundedRetryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TransientFaults_RetriedThenSucceed_AndAServerAlwaysFailingEndsFailedAfterBoundedAttempts(string provider)
    {
        await using var fake = await FakeComfyUi.StartAsync();
        await using var backends = new RealBackends();
        // A job succeeds without the error it was retried for: the warnings tell why an attempt was added.
        using var warnings = new WarningLog();
        await using var cluster = await QueueCluster.StartAsync(provider, logs: warnings.Factory());
        await cluster.StartSiloAsync("a", backends.ComfyUi("gpu-0", fake.BaseUrl));
        var project = await cluster.ImportAsync("One. Two. Three.");
        var ids = project.Sentences.Select(s => s.Id).ToArray();
        var httpAttempts = new ComfyUiOptions().MaxAttempts;

        fake.DropSocketDuringNextJob();
        var dropped = await cluster.RegenerateImageToEndAsync(ids[0]);
        Assert.True((dropped.Status, dropped.Attempt) == (JobStatus.Succeeded, 1),
            $"the dropped socket ended {dropped.Status} at attempt {dropped.Attempt}; warnings: {string.Join(" | ", warnings.Entries)}");

        fake.FailNextRequests("/prompt", httpAttempts);
        var burst = await cluster.RegenerateImageToEndAsync(ids[1]);
        Assert.Equal((JobStatus.Succeeded, 2), (burst.Status, burst.Attempt));

        var posts = fake.CountRequests("POST", "/prompt");
        fake.FailNextRequests("/prompt", 1_000);
        var broken = await cluster.RegenerateImageToEndAsync(ids[2]);
        Assert.Equal((JobStatus.Failed, GenerationJob.DefaultMaxAttempts), (broken.Status, broken.Attempt));
        Assert.Contains("500", broken.Error);
        Assert.Contains($"gave up after {GenerationJob.DefaultMaxAttempts} attempts", broken.Error);
        Assert.Equal(posts + GenerationJob.DefaultMaxAttempts * httpAttempts, fake.CountRequests("POST", "/prompt"));
        var sentence = (await cluster.Sentences.GetAsync(ids[2], CancellationToken.None))!;
        Assert.Equal((AssetStatus.Failed, broken.Error), (sentence.ImageStatus, sentence.LastError));
    }
}
