using System.Text.RegularExpressions;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Web.Tests.Accounts;

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
        await new JobScheduler(studio.Db.Database, new JobSignal(), TimeProvider.System).GenerateAllAsync(studio.Project.Id, CancellationToken.None);
        var jobs = await new JobReader(studio.Db.Database).ListByProjectAsync(studio.Project.Id, CancellationToken.None);
        foreach (var narration in jobs.Where(j => j.Kind == JobKind.Audio).OrderBy(j => j.CreatedAt))
            await studio.Db.RunJobAsync(narration.Id, new GpuDevice("cpu-test", DeviceKind.Cpu, GpuDevice.LanesOf(DeviceKind.Cpu)), Lane.Cpu, null, SpeechFailure);
        foreach (var image in jobs.Where(j => j.Kind == JobKind.Image).OrderBy(j => j.CreatedAt))
            await studio.Db.RunJobAsync(image.Id, new GpuDevice("preview-test", DeviceKind.Preview, GpuDevice.LanesOf(DeviceKind.Preview)), Lane.Image,
                new JobOutput($"images/{image.Id:N}.png"), "unused");
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

    [GeneratedRegex("<li data-testid=\"failure\">.*?</li>", RegexOptions.Singleline)]
    private static partial Regex FailureItem();
}
