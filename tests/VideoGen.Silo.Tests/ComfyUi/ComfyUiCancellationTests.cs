using System.Diagnostics;
using VideoGen.Grains.Domain;
using VideoGen.Silo.ComfyUi;

namespace VideoGen.Silo.Tests.ComfyUi;

public sealed class ComfyUiCancellationTests
{
    [Fact]
    public async Task RunAsync_CancelledWhileRunning_InterruptsExactlyThatPromptLongBeforeItWouldEnd()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.JobDuration = TimeSpan.FromSeconds(10);
        using var cancel = new CancellationTokenSource();
        var run = harness.RunImageAsync(cancel.Token);
        await harness.Fake.WaitUntilAsync(f => f.RunningPromptId is not null);
        var running = harness.Fake.RunningPromptId;

        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        clock.Stop();

        // The 1 s promise is kept by construction (the stop calls are bounded by CancelTimeout, 900 ms);
        // wall time on a shared machine only proves the prompt did not run on to its 10 s end.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Cancelling took {clock.Elapsed}.");
        var interrupt = Assert.Single(harness.Fake.Interrupts);
        Assert.Equal(running, interrupt.PromptId);
        Assert.True(interrupt.InterruptedSomething);
        Assert.Empty(harness.Fake.QueueDeletes);
        await harness.Fake.WaitUntilAsync(f => f.RunningPromptId is null);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaitingBehindAnotherPrompt_DeletesItFromTheQueueAndLeavesTheOtherRunning()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.JobDuration = TimeSpan.FromSeconds(10);
        var otherId = ComfyUiClient.NewPromptId();
        var otherGraph = WorkflowTemplateLoader.BuiltIn(JobKind.Image).Fill(new WorkflowInputs
        {
            Positive = "someone else's picture", Seed = 7, Width = 512, Height = 512, FilenamePrefix = "other",
        });
        await harness.Client().SubmitPromptAsync(otherGraph, otherId, "another-user", CancellationToken.None);
        await harness.Fake.WaitUntilAsync(f => f.RunningPromptId == otherId);

        using var cancel = new CancellationTokenSource();
        var run = harness.RunImageAsync(cancel.Token);
        await harness.Fake.WaitUntilAsync(f => f.PendingPromptIds.Count == 1);
        var ours = harness.Fake.PendingPromptIds[0];

        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        clock.Stop();

        // The 1 s promise is kept by construction (the stop calls are bounded by CancelTimeout, 900 ms);
        // wall time on a shared machine only proves the prompt did not run on to its 10 s end.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Cancelling took {clock.Elapsed}.");
        Assert.Equal([ours], harness.Fake.QueueDeletes);
        Assert.Empty(harness.Fake.PendingPromptIds);
        Assert.Empty(harness.Fake.Interrupts);
        Assert.Equal(otherId, harness.Fake.RunningPromptId);
    }

    [Fact]
    public async Task RunAsync_CancelledBeforeStart_SubmitsNothing()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.RunImageAsync(cancel.Token));

        Assert.Empty(harness.Fake.Prompts);
        Assert.Empty(harness.Fake.Interrupts);
    }
}
