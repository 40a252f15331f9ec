using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Projects;

namespace VideoGen.Grains.Tests.Cluster;

/// <summary>
/// Commands sent while the silo holding their grain is killed. These tests break their cluster,
/// so each class gets one of its own rather than the shared one.
/// </summary>
public sealed class SiloKillTests : IClassFixture<GrainCluster>
{
    private readonly GrainCluster _cluster;

    public SiloKillTests(GrainCluster cluster) => _cluster = cluster;

    [Fact]
    public async Task GenerateAll_WhileItsSiloIsKilled_IsAppliedWholeOnceOrNotAtAll()
    {
        const int scenes = 40;
        var project = await _cluster.ImportAsync(scenes);
        var grain = _cluster.Client.GetGrain<IProjectGrain>(project.Id);
        await grain.CancelScenes();
        var host = await HostOfAsync(grain);
        var requestId = Guid.NewGuid();

        var command = ClusterRetry.Default.SendAsync(() => grain.GenerateAll(requestId), CancellationToken.None);
        await _cluster.Cluster.KillSiloAsync(_cluster.Cluster.Silos.Single(s => s.SiloAddress.Equals(host)));
        var answered = await Record.ExceptionAsync(() => command);

        var jobs = new JobReader(_cluster.Database.Database);
        var afterKill = await jobs.ListByProjectAsync(project.Id, CancellationToken.None);
        Assert.True(afterKill.Count is 0 or 2 * scenes, $"A batch was half applied: {afterKill.Count} jobs for {scenes} scenes.");
        if (answered is not null) Assert.True(ClusterRetry.IsTransient(answered) || answered is TimeoutException, answered.ToString());

        // The creator (or the retry) asks again: the batch is there exactly once.
        await ClusterRetry.Default.SendAsync(() => grain.GenerateAll(Guid.NewGuid()), CancellationToken.None);
        var all = await jobs.ListByProjectAsync(project.Id, CancellationToken.None);
        Assert.Equal(2 * scenes, all.Count);
        Assert.All(all.GroupBy(j => (j.SentenceId, j.Kind)), g => Assert.Single(g));
        Assert.All(all, j => Assert.Contains(j.Kind, new[] { JobKind.Audio, JobKind.Image }));
    }

    private async Task<SiloAddress> HostOfAsync(IProjectGrain grain)
    {
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        var statistics = await management.GetDetailedGrainStatistics();
        return statistics.Single(s => s.GrainId == grain.GetGrainId()).SiloAddress;
    }
}
