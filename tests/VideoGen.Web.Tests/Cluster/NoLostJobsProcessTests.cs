using VideoGen.Grains.Domain;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;
using VideoGen.TestSupport.Processes;
using Xunit.Abstractions;

namespace VideoGen.Web.Tests.Cluster;

/// <summary>
/// R1 with real processes on PostgreSQL: "generate all" through three <c>src/Silo</c> hosts, each
/// driving a GPU device on a fake ComfyUI and its own CPU lane for narration. Nothing is lost (every
/// job succeeds) and nothing runs twice (no job sent more prompts than it had attempts). Short: 60
/// scenes, 180 jobs; long (<c>VIDEOGEN_LONG=1</c>): 56 projects of 60 scenes, 10 080 jobs.
/// </summary>
public sealed class NoLostJobsProcessTests(ITestOutputHelper output)
{
    private const int ScenesPerProject = 60;

    [PostgresFact]
    public async Task GenerateAll_OnThreeSiloProcesses_EveryJobSucceeds_AndNoneSentMorePromptsThanItHadAttempts()
    {
        var isLong = Environment.GetEnvironmentVariable(LongPostgresFactAttribute.Variable) == "1";
        var projects = isLong ? 56 : 1;
        await using var fleet = await SiloFleet.StartAsync();
        foreach (var name in new[] { "a", "b", "c" }) await fleet.StartSiloAsync(name, TimeSpan.FromMilliseconds(20));
        var started = DateTime.UtcNow;

        var ids = new List<Guid>();
        for (var p = 0; p < projects; p++)
        {
            var project = await fleet.Store.ImportAsync(QueueCluster.Script(ScenesPerProject));
            await fleet.Store.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None);
            ids.Add(project.Id);
        }
        var jobs = new List<GenerationJob>();
        foreach (var id in ids)
            jobs.AddRange(await fleet.Store.WaitForProjectAsync(id, 3 * ScenesPerProject, isLong ? TimeSpan.FromMinutes(40) : TimeSpan.FromSeconds(180)));

        var sent = fleet.PromptsPerJob();
        var gpuJobs = jobs.Where(j => j.Kind is JobKind.Image or JobKind.Video).ToArray();
        output.WriteLine($"{jobs.Count} jobs in {(DateTime.UtcNow - started).TotalSeconds:0} s; {sent.Values.Sum()} prompts for {gpuJobs.Length} image and clip jobs; " +
                         $"jobs with more than one attempt: {jobs.Count(j => j.Attempt > 1)}; by device: " +
                         string.Join(", ", jobs.GroupBy(j => j.Device).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        Assert.Equal(3 * ScenesPerProject * projects, jobs.Count);
        Assert.All(gpuJobs, j => Assert.True(sent.GetValueOrDefault(j.Id) is var n && n >= 1 && n <= j.Attempt,
            $"{j.Kind} job {j.Id}: {sent.GetValueOrDefault(j.Id)} prompts in {j.Attempt} attempts"));
        Assert.Equal(gpuJobs.Length, sent.Count);
        Assert.Equal(3, jobs.Where(j => j.Kind == JobKind.Image).Select(j => j.Device).Distinct().Count());
    }
}
