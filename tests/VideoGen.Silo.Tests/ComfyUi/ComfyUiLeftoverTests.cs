using VideoGen.Grains.Domain;
using VideoGen.Silo.ComfyUi;

namespace VideoGen.Silo.Tests.ComfyUi;

/// <summary>
/// A lane starting on a ComfyUI that still holds prompts its silo's earlier run left there (killed
/// mid-job, started again on the same box): it stops its own lane's, and nobody else's.
/// </summary>
public sealed class ComfyUiLeftoverTests
{
    [Fact]
    public async Task StopLeftoversAsync_OfTheImageLane_StopsItsRunningAndWaitingPrompts_AndLeavesEveryOtherPrompt()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.JobDuration = TimeSpan.FromSeconds(30);
        var image = harness.Backend(Lane.Image);
        var video = harness.Backend(Lane.Video);
        var client = harness.Client();
        var running = await SubmitAsync(image.ClientPrefix + "earlier-job-1");
        var waiting = await SubmitAsync(image.ClientPrefix + "earlier-job-2");
        var videoLanes = await SubmitAsync(video.ClientPrefix + "earlier-job-3");
        var someoneElses = await SubmitAsync("a-person-at-the-comfyui-page");
        await harness.Fake.WaitUntilAsync(f => f.RunningPromptId == running);

        var stopped = await image.StopLeftoversAsync(CancellationToken.None);

        Assert.Equal(2, stopped);
        Assert.Contains(harness.Fake.Interrupts, i => i.PromptId == running && i.InterruptedSomething);
        Assert.Equal([waiting], harness.Fake.QueueDeletes);
        // Stopped for good before the lane goes on: the next prompt in line runs instead.
        Assert.NotEqual(running, harness.Fake.RunningPromptId);
        Assert.Equal([videoLanes, someoneElses], [.. harness.Fake.PendingPromptIds.Prepend(harness.Fake.RunningPromptId!)]);

        async Task<string> SubmitAsync(string clientId)
        {
            var graph = image.Template.Fill(new WorkflowInputs { Positive = "left behind", Seed = 1, Width = 64, Height = 64, FilenamePrefix = "test/left" });
            var promptId = ComfyUiClient.NewPromptId();
            await client.SubmitPromptAsync(graph, promptId, clientId, CancellationToken.None);
            return promptId;
        }
    }

    [Fact]
    public async Task StopLeftoversAsync_OnAnIdleComfyUi_StopsNothing()
    {
        await using var harness = await ComfyUiHarness.StartAsync();

        Assert.Equal(0, await harness.Backend(Lane.Image).StopLeftoversAsync(CancellationToken.None));
        Assert.Empty(harness.Fake.Interrupts);
    }

    [Fact]
    public async Task RunAsync_SubmitsWithTheLanesClientPrefix()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        var image = harness.Backend(Lane.Image);

        await harness.RunAsync(image, harness.ImageWork());

        Assert.StartsWith(image.ClientPrefix, harness.Fake.Prompts.Single().ClientId);
        Assert.Equal("videogen.gpu-0.image.", image.ClientPrefix);
    }
}
