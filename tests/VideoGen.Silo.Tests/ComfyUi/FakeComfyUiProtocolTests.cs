using System.Net;
using VideoGen.Grains.Domain;
using VideoGen.Silo.ComfyUi;
using VideoGen.Silo.Devices;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Silo.Tests.ComfyUi;

/// <summary>The fake must behave like ComfyUI where the client depends on it, or the backend tests prove nothing.</summary>
public sealed class FakeComfyUiProtocolTests
{
    [Fact]
    public async Task SubmitPromptAsync_UppercasePromptId_RejectedAsInvalidPromptId()
    {
        await using var harness = await ComfyUiHarness.StartAsync();

        var error = await Assert.ThrowsAsync<GenerationException>(() =>
            harness.Client().SubmitPromptAsync(ImageGraph(), ComfyUiClient.NewPromptId().ToUpperInvariant(), "c1", CancellationToken.None));

        Assert.Equal(FailureCause.Rejected, error.Cause);
        Assert.Contains("Invalid prompt_id", error.Message);
        Assert.Empty(harness.Fake.Prompts);
    }

    [Theory]
    [InlineData("view?filename=../secret.png&subfolder=&type=output", HttpStatusCode.BadRequest)]
    [InlineData("view?filename=/etc/passwd&subfolder=&type=output", HttpStatusCode.BadRequest)]
    [InlineData("api/view?filename=x.png&subfolder=../..&type=output", HttpStatusCode.BadRequest)]
    [InlineData("view?filename=missing.png&subfolder=&type=output", HttpStatusCode.NotFound)]
    public async Task View_PathTricksOrMissingFile_Answers4xx(string query, HttpStatusCode expected)
    {
        await using var fake = await FakeComfyUi.StartAsync();
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await http.GetAsync(query);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task InterruptAsync_NamingAPromptThatIsNotRunning_LeavesTheRunningOneAlone()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.JobDuration = TimeSpan.FromSeconds(10);
        var client = harness.Client();
        var running = ComfyUiClient.NewPromptId();
        await client.SubmitPromptAsync(ImageGraph(), running, "c1", CancellationToken.None);
        await harness.Fake.WaitUntilAsync(f => f.RunningPromptId == running);

        await client.InterruptAsync(ComfyUiClient.NewPromptId(), CancellationToken.None);

        Assert.False(Assert.Single(harness.Fake.Interrupts).InterruptedSomething);
        Assert.Equal(running, harness.Fake.RunningPromptId);
    }

    [Fact]
    public async Task Socket_OnePrompt_ReceivesTheDocumentedOrderAndHistoryIsWrittenBeforeTheFinalExecuting()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.ProgressSteps = 2;
        var client = harness.Client();
        await using var socket = await client.ConnectAsync("c1", CancellationToken.None);
        var promptId = ComfyUiClient.NewPromptId();
        await client.SubmitPromptAsync(ImageGraph(), promptId, "c1", CancellationToken.None);

        var types = new List<string>();
        HistoryEntry? historyAtEnd = null;
        while (historyAtEnd is null)
        {
            var message = await socket.ReceiveAsync(TimeSpan.FromSeconds(5), CancellationToken.None) ?? throw new TimeoutException("The socket went quiet.");
            if (message.PromptId != promptId) continue;
            types.Add(message is ExecutingMessage executing ? $"executing {executing.Node ?? "null"}" : message.GetType().Name);
            if (message is ExecutingMessage { IsPromptDone: true }) historyAtEnd = await client.GetHistoryAsync(promptId, CancellationToken.None);
        }

        Assert.Equal(
            ["ExecutionStartMessage", "ExecutionCachedMessage", "executing 4", "executing 6", "executing 7", "executing 5", "executing 3",
             "ProgressMessage", "ProgressStateMessage", "ProgressMessage", "ProgressStateMessage", "executing 8", "executing 9", "ExecutedMessage",
             "ExecutionSuccessMessage", "executing null"],
            types);
        Assert.True(historyAtEnd.Succeeded);
        Assert.Equal(1, harness.Fake.MaxExecutingAtOnce);
    }

    [Fact]
    public async Task UploadImageAsync_SameNameAndSameContentTwice_KeepsTheName()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        var path = harness.WriteFile("frame.png", FakePng.Create());
        var client = harness.Client();

        var first = await client.UploadImageAsync(path, CancellationToken.None);
        var second = await client.UploadImageAsync(path, CancellationToken.None);

        Assert.Equal(("frame.png", "frame.png"), (first.Name, second.Name));
        Assert.Equal("input", first.Type);
    }

    [Theory]
    [InlineData("image video", 1)]
    [InlineData("image video video", 2)]
    [InlineData("image image video", 2)]
    public async Task MostOfOneKindAtOnce_CountsTheRunningAndWaitingPromptsOfOneKind(string kinds, int most)
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        harness.Fake.JobDuration = TimeSpan.FromSeconds(30);
        harness.Fake.AddInputFile("start.png", FakePng.Create());
        var client = harness.Client();

        foreach (var kind in kinds.Split(' '))
            await client.SubmitPromptAsync(kind == "image" ? ImageGraph() : VideoGraph(), ComfyUiClient.NewPromptId(), "c1", CancellationToken.None);

        Assert.Equal(most, harness.Fake.MostOfOneKindAtOnce);
    }

    private static System.Text.Json.Nodes.JsonObject ImageGraph() =>
        WorkflowTemplateLoader.BuiltIn(JobKind.Image).Fill(new WorkflowInputs
        {
            Positive = "a test card", Seed = 1, Width = 64, Height = 64, FilenamePrefix = "test/card",
        });

    private static System.Text.Json.Nodes.JsonObject VideoGraph() =>
        WorkflowTemplateLoader.BuiltIn(JobKind.Video).Fill(new WorkflowInputs
        {
            Positive = "the card turns", Seed = 1, Width = 64, Height = 64, Length = 9, StartImage = "start.png", FilenamePrefix = "test/turn",
        });
}
