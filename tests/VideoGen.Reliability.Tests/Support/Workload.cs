using VideoGen.TestSupport.Cluster;

namespace VideoGen.Reliability.Tests.Support;

/// <summary>Puts work into a cluster the way creators do: projects of many scenes, then "generate all".</summary>
internal static class Workload
{
    /// <summary>
    /// Imports <paramref name="projects"/> projects sharing <paramref name="sentences"/> scenes and
    /// generates all of them: per scene its narration, its image and the image's cascaded clip,
    /// so three times as many jobs.
    /// </summary>
    public static async Task<int> GenerateAllAsync(QueueCluster cluster, int projects, int sentences)
    {
        var queued = 0;
        for (var p = 0; p < projects; p++)
        {
            var size = sentences / projects + (p < sentences % projects ? 1 : 0);
            var project = await cluster.ImportAsync(QueueCluster.Script(size));
            queued += (await cluster.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None))!.Total;
        }
        return queued * 3;
    }
}
