using VideoGen.Grains.Domain;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Reliability.Tests;

/// <summary>
/// R3, the part about files: a zombie silo whose work finished while it was frozen must not
/// damage what the attempt that replaced it stored. Its late completion is refused, and the
/// file it deletes is its own, never the one the scene points at.
/// </summary>
public sealed class ZombieOutputTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ZombieFinishingWhileFrozen_LeavesTheReplacementsStoredFileAlone(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var zombieImage = new ScriptedBackend("gpu-z/image") { Duration = TimeSpan.FromMilliseconds(100) };
        var zombie = await cluster.StartSiloAsync("zombie", QueueCluster.Device("gpu-z", zombieImage, new ScriptedBackend("gpu-z/video")));
        var project = await cluster.ImportAsync("One.");
        var sentenceId = project.Sentences.Single().Id;
        var job = (await cluster.Scheduler.RegenerateImageAsync(sentenceId, null, skipVideo: true, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(job.Id, JobStatus.Running);

        // Frozen now: its backend still finishes and writes its file, then waits to report it.
        zombie.Pause();
        await QueueCluster.WaitUntilAsync(() => Task.FromResult(zombieImage.MaxConcurrent == 1 && Files(cluster, project.Id, sentenceId).Length == 1),
            TimeSpan.FromSeconds(5), "the zombie's output file");
        await cluster.StartSiloAsync("healthy", QueueCluster.Device("gpu-h", new ScriptedBackend("gpu-h/image"), new ScriptedBackend("gpu-h/video")));
        var finished = await cluster.WaitForJobAsync(job.Id, JobStatus.Succeeded, TimeSpan.FromSeconds(30));
        Assert.Equal(("gpu-h", 2), (finished.Device, finished.Attempt));
        // What the zombie wrote before it froze (a renewal, under load) was still its right.
        var beforeTakeover = zombie.Queue.Writes.Count;

        zombie.Resume();
        await QueueCluster.WaitUntilAsync(() => Task.FromResult(zombie.Queue.Writes.Any(w => w.JobId == job.Id && w.Write == "complete")),
            TimeSpan.FromSeconds(10), "the zombie's late completion");

        Assert.DoesNotContain(zombie.Queue.Writes.Skip(beforeTakeover), w => w.JobId == job.Id && w.Accepted);
        var stored = cluster.Media.ToAbsolute((await cluster.Sentences.GetAsync(sentenceId, CancellationToken.None))!.ImageFile!)!;
        Assert.True(File.Exists(stored), "the scene's image survived the zombie");
        Assert.StartsWith("gpu-h/image", await File.ReadAllTextAsync(stored));
        Assert.Equal([stored], Files(cluster, project.Id, sentenceId));
    }

    private static string[] Files(QueueCluster cluster, Guid projectId, Guid sentenceId) =>
        Directory.GetFiles(cluster.Media.DirectoryFor(projectId, sentenceId));
}
