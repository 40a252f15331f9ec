using VideoGen.Grains.Domain;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;
using VideoGen.TestSupport.Processes;
using Xunit.Abstractions;

namespace VideoGen.Web.Tests.Cluster;

/// <summary>
/// R11 with real processes on PostgreSQL: "generate all" across three <c>src/Silo</c> hosts while the
/// silo running a prompt is killed with <c>kill -9</c> and a new one joins. Sampled all along in the
/// store, and counted by every fake ComfyUI as each prompt arrives: never more than one image and one
/// clip per device, and every scene finishes with no attempt sent to a device twice.
/// </summary>
public sealed class LaneInvariantProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [PostgresFact]
    public async Task LaneInvariant_WhileASiloIsKilledAndAnotherJoins_HoldsAtEverySampleAndAtEveryDevice()
    {
        const int scenes = 8;
        await using var fleet = await SiloFleet.StartAsync();
        foreach (var name in new[] { "a", "b", "c" }) await fleet.StartSiloAsync(name, TimeSpan.FromSeconds(1));
        var project = await fleet.Store.ImportAsync(QueueCluster.Script(scenes));
        using var sampling = new CancellationTokenSource();
        var (samples, worst) = (0, 0);
        var probe = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                worst = Math.Max(worst, await fleet.Store.MostRunningOnOneLaneAsync());
                samples++;
                await Task.Delay(20);
            }
        });

        await fleet.Store.Scheduler.GenerateAllAsync(project.Id, CancellationToken.None);
        var victim = await fleet.FirstToReceiveAPromptAsync(Patience);
        // Let it get well into its prompt, so the kill leaves a job running on it.
        await victim.ComfyUi.WaitUntilAsync(f => f.RunningPromptId is not null, Patience);
        await victim.Host.KillAsync();
        await fleet.StartSiloAsync("d", TimeSpan.FromSeconds(1));
        var jobs = await fleet.Store.WaitForProjectAsync(project.Id, scenes * 3, Patience);
        await sampling.CancelAsync();
        await probe;

        var sent = fleet.PromptsPerJob();
        var prompts = sent.Values.Sum();
        var attempts = jobs.Where(j => j.Kind is JobKind.Image or JobKind.Video).Sum(j => j.Attempt);
        output.WriteLine($"{samples} samples; {prompts} prompts for {attempts} image and clip attempts; " +
                         $"jobs again after the kill: {jobs.Count(j => j.Attempt > 1)}; " +
                         string.Join(", ", fleet.Silos.Select(s => $"{s.Device} {s.ComfyUi.Prompts.Count} prompts, at most {s.ComfyUi.MostOfOneKindAtOnce} of a kind")));
        Assert.True(samples > 50, $"the store was sampled only {samples} times");
        Assert.True(worst <= 1, $"the store showed {worst} jobs running on one lane");
        Assert.All(fleet.Silos, s => Assert.True(s.ComfyUi.MostOfOneKindAtOnce <= 1,
            $"{s.Device}'s ComfyUI held {s.ComfyUi.MostOfOneKindAtOnce} prompts of one kind at once"));
        // No attempt of an image or clip reached a device twice (an attempt the kill cut short may have reached none).
        Assert.All(jobs.Where(j => j.Kind is JobKind.Image or JobKind.Video), j =>
            Assert.True(sent.GetValueOrDefault(j.Id) is var n && n >= 1 && n <= j.Attempt, $"{j.Kind} job {j.Id}: {sent.GetValueOrDefault(j.Id)} prompts in {j.Attempt} attempts"));
        Assert.Contains(jobs, j => j.Attempt == 2);
        Assert.All(jobs, j => Assert.True(j.Attempt <= 2, $"job {j.Id} ({j.Kind}) took {j.Attempt} attempts"));
    }
}
