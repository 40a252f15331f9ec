using VideoGen.Grains.Devices;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Scenes;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Grains.Tests.Cluster;

/// <summary>Two silos configured with one GPU name, as an operator's copy-paste would make them.</summary>
public sealed class SharedDeviceNameCluster() : DeviceCluster("gpu-a", "gpu-a");

public sealed class SharedDeviceNameTests(SharedDeviceNameCluster cluster) : IClassFixture<SharedDeviceNameCluster>
{
    [Fact]
    public async Task ADeviceDeclaredByTwoSilos_HasOneGrain_AndOnlyTheLanesOfItsSiloRunItsJobs()
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        string[] hosts = [];
        await QueueCluster.WaitUntilAsync(async () =>
        {
            hosts = (await management.GetDetailedGrainStatistics())
                .Where(s => s.GrainType.Contains("GpuDeviceGrain", StringComparison.Ordinal) && s.GrainId.Key.ToString() == "gpu-a")
                .Select(s => cluster.Cluster.Silos.Single(silo => silo.SiloAddress.Equals(s.SiloAddress)).Name).ToArray();
            return hosts.Length > 0;
        }, TimeSpan.FromSeconds(15), "gpu-a's grain to be active");
        var driver = Assert.Single(hosts);
        Assert.Equal(driver, await cluster.Client.GetGrain<IGpuDeviceGrain>("gpu-a").Silo());
        var other = Assert.Single(cluster.SilosDeclaring("gpu-a"), s => s != driver);

        var sentence = (await cluster.ImportAsync(1)).Sentences.Single();
        var asked = await cluster.Client.GetGrain<ISentenceGrain>(sentence.Id).RegenerateImage(Guid.NewGuid(), null, skipVideo: true);
        var job = await cluster.WaitForJobAsync(asked.JobId!.Value, JobStatus.Succeeded);

        Assert.Equal("gpu-a", job.Device);
        Assert.Contains(job.Id, cluster.SiloBackends[(driver, "gpu-a", Lane.Image)].Started);
        Assert.Empty(cluster.SiloBackends[(other, "gpu-a", Lane.Image)].Started);
    }
}
