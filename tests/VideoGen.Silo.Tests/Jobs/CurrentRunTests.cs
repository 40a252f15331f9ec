using System.Text.Json;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Jobs;

/// <summary>
/// The storyboard and the progress API read only the current run's jobs; that read must give the
/// same progress as the project's whole history does, at every point of a history with a batch,
/// single regenerates and work still running.
/// </summary>
public sealed class CurrentRunTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CurrentRun_ThroughAHistory_GivesTheProgressOfTheWholeHistoryWithoutReadingIt(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var image = new ScriptedBackend("gpu-0/image");
        var video = new ScriptedBackend("gpu-0/video");
        await cluster.StartSiloAsync("a", QueueCluster.Device("gpu-0", image, video), QueueCluster.CpuDevice("cpu-a", new ScriptedBackend("cpu-a")));
        var project = await cluster.ImportAsync("One. Two. Three.");
        var first = project.Sentences.First().Id;

        async Task<int> SameProgressAsync(string moment)
        {
            var run = await cluster.Jobs.CurrentRunAsync(project.Id, CancellationToken.None);
            var all = await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None);
            Assert.True(Json(ProjectProgress.Of(all)) == Json(ProjectProgress.Of(run)), $"{moment}: {Json(ProjectProgress.Of(run))} from the run, {Json(ProjectProgress.Of(all))} from everything");
            Assert.All(run, j => Assert.Contains(all, a => a.Id == j.Id));
            return all.Count - run.Count;
        }
        Task AllFinishedAsync() => QueueCluster.WaitUntilAsync(async () =>
            (await cluster.Jobs.ListByProjectAsync(project.Id, CancellationToken.None)).All(j => j.Status.IsFinished()), TimeSpan.FromSeconds(30), "every job to finish");

        Assert.Equal(0, await SameProgressAsync("before any work"));

        await cluster.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None);
        await AllFinishedAsync();
        await SameProgressAsync("after the first batch");

        await cluster.RegenerateImageToEndAsync(first);
        await AllFinishedAsync();
        Assert.True(await SameProgressAsync("after a single regenerate") > 0, "the single regenerate is not part of the last batch's run");

        image.Hold();
        var held = (await cluster.Scheduler.RegenerateImageAsync(first, 7, skipVideo: true, CancellationToken.None)).Value!;
        await cluster.WaitForJobAsync(held.Id, JobStatus.Running);
        Assert.True(await SameProgressAsync("while a regenerate runs") > 0, "the finished batch is not part of the running run");

        image.Release();
        await AllFinishedAsync();
        Assert.True(await SameProgressAsync("after everything finished") > 0);
    }

    private static string Json(ProjectProgress progress) => JsonSerializer.Serialize(progress);
}
