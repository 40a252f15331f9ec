using VideoGen.Grains.Domain;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Reliability.Tests;

/// <summary>
/// R4, one write at a time: the connection drops while a lane stores a finished job's output,
/// before the commit or after it (the answer lost). The lane tries again; the GPU's work is
/// neither thrown away, nor run again, nor its file deleted.
/// </summary>
public sealed class StoreWriteFaultTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Complete_ConnectionDroppedBeforeTheCommit_StoredOnRetryWithoutAnotherAttempt(string provider)
    {
        var (cluster, silo, image) = await StartAsync(provider);
        await using var _ = cluster;
        silo.Queue.DropNextCompletion(afterCommit: false);

        var (job, file) = await RunImageAsync(cluster);

        Assert.Equal(1, job.Attempt);
        Assert.Equal([job.Id], image.Started);
        Assert.True(File.Exists(file));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Complete_AnswerLostAfterTheCommit_AcceptedOnRetryAndTheFileKept(string provider)
    {
        var (cluster, silo, image) = await StartAsync(provider);
        await using var _ = cluster;
        silo.Queue.DropNextCompletion(afterCommit: true);

        var (job, file) = await RunImageAsync(cluster);
        await QueueCluster.WaitUntilAsync(() => Task.FromResult(silo.Queue.Writes.Count(w => w.Write == "complete") == 2),
            TimeSpan.FromSeconds(5), "the lane to store the outcome again");

        Assert.Equal(1, job.Attempt);
        Assert.Equal([job.Id], image.Started);
        Assert.All(silo.Queue.Writes.Where(w => w.Write == "complete"), w => Assert.True(w.Accepted));
        Assert.True(File.Exists(file), "the stored image was not deleted");
    }

    private static async Task<(QueueCluster, TestSilo, ScriptedBackend)> StartAsync(string provider)
    {
        var cluster = await QueueCluster.StartAsync(provider);
        var image = new ScriptedBackend("gpu-0/image");
        var silo = await cluster.StartSiloAsync("a", QueueCluster.Device("gpu-0", image, new ScriptedBackend("gpu-0/video")));
        return (cluster, silo, image);
    }

    private static async Task<(GenerationJob Job, string File)> RunImageAsync(QueueCluster cluster)
    {
        var project = await cluster.ImportAsync("One.");
        var sentenceId = project.Sentences.Single().Id;
        var queued = (await cluster.Scheduler.RegenerateImageAsync(sentenceId, null, skipVideo: true, CancellationToken.None)).Value!;
        var job = await cluster.WaitForJobAsync(queued.Id, JobStatus.Succeeded);
        var sentence = (await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!;
        return (job, cluster.Media.ToAbsolute(sentence.ImageFile!)!);
    }
}
