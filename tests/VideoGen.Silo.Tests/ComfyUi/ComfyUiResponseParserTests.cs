using System.Text.Json;
using VideoGen.Grains.Domain;
using VideoGen.Silo.ComfyUi;

namespace VideoGen.Silo.Tests.ComfyUi;

public sealed class ComfyUiResponseParserTests
{
    [Fact]
    public void ParseHistory_ImageSuccessSample_ReadsOutputsAndStatus()
    {
        using var sample = Samples.Json("history-image-success.json");

        var entry = ComfyUiResponseParser.ParseHistory(sample.RootElement, "3f0c2b9e-5d1a-4c8e-9f6b-2a7d8e4c1b05");

        Assert.NotNull(entry);
        Assert.True(entry.Succeeded);
        Assert.True(entry.Completed);
        Assert.Equal(["12", "9"], entry.Outputs.Keys.Order());
        Assert.Equal([typeof(ExecutionStartMessage), typeof(ExecutionCachedMessage), typeof(ExecutionSuccessMessage)], entry.Messages.Select(m => m.GetType()));
        Assert.Equal(new OutputFile("6c1f0e2a9b8d4f7e_00001_.png", "videogen", "output"), OutputLocator.Find(entry, JobKind.Image));
    }

    [Fact]
    public void ParseHistory_EmptyAnswerOrOtherPrompt_ReturnsNull()
    {
        using var empty = System.Text.Json.JsonDocument.Parse("{}");
        using var sample = Samples.Json("history-image-success.json");

        Assert.Null(ComfyUiResponseParser.ParseHistory(empty.RootElement, "3f0c2b9e-5d1a-4c8e-9f6b-2a7d8e4c1b05"));
        Assert.Null(ComfyUiResponseParser.ParseHistory(sample.RootElement, "00000000-0000-4000-8000-000000000000"));
    }

    [Theory]
    [InlineData("history-video-success.json", "f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f7a8b9c", "videogen_00003_.mp4", "video")]
    [InlineData("history-vhs-gifs.json", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "wan_clip_00001.mp4", "")]
    public void Find_VideoHistorySample_PicksTheVideoFile(string sample, string promptId, string filename, string subfolder)
    {
        using var document = Samples.Json(sample);
        var entry = ComfyUiResponseParser.ParseHistory(document.RootElement, promptId)!;

        var file = OutputLocator.Find(entry, JobKind.Video);

        Assert.Equal((filename, subfolder, "output"), (file.Filename, file.Subfolder, file.Type));
    }

    [Fact]
    public void Find_VideoWorkOnImageOnlyHistory_RejectsNamingTheMissingSaveNode()
    {
        using var document = Samples.Json("history-image-success.json");
        var entry = ComfyUiResponseParser.ParseHistory(document.RootElement, "3f0c2b9e-5d1a-4c8e-9f6b-2a7d8e4c1b05")!;

        var error = Assert.Throws<VideoGen.Silo.Devices.GenerationException>(() => OutputLocator.Find(entry, JobKind.Video));

        Assert.Equal(VideoGen.Silo.Devices.FailureCause.Rejected, error.Cause);
        Assert.Contains("SaveVideo", error.Message);
    }

    [Fact]
    public void ParseHistory_ErrorSample_IsAnOutOfMemoryFailure()
    {
        using var document = Samples.Json("history-error-oom.json");
        var entry = ComfyUiResponseParser.ParseHistory(document.RootElement, "b7a4d2c1-0e9f-4a3b-8c5d-6e7f8a9b0c1d")!;

        var outcome = PromptOutcome.From(entry);

        Assert.False(entry.Succeeded);
        Assert.Equal(PromptOutcomeKind.Failed, outcome.Kind);
        Assert.True(outcome.Error!.IsOutOfMemory);
        Assert.Equal("b7a4d2c1-0e9f-4a3b-8c5d-6e7f8a9b0c1d", outcome.Error.PromptId);
    }

    [Fact]
    public void ParseHistory_InterruptedSample_IsAnInterruption()
    {
        using var document = Samples.Json("history-interrupted.json");
        var entry = ComfyUiResponseParser.ParseHistory(document.RootElement, "e5f6a7b8-c9d0-4e1f-9a2b-3c4d5e6f7a8b")!;

        Assert.Equal(PromptOutcomeKind.Interrupted, PromptOutcome.From(entry).Kind);
    }

    [Fact]
    public void ParseQueue_PendingInHeapOrder_SortsByQueueNumber()
    {
        using var document = Samples.Json("queue.json");

        var queue = ComfyUiResponseParser.ParseQueue(document.RootElement);

        Assert.Equal(["11111111-2222-4333-8444-555555555555"], queue.Running);
        Assert.Equal(["aaaaaaaa-2222-4333-8444-555555555555", "bbbbbbbb-2222-4333-8444-555555555555", "cccccccc-2222-4333-8444-555555555555"], queue.Pending);
        Assert.True(queue.IsRunning("11111111-2222-4333-8444-555555555555"));
        Assert.True(queue.IsPending("bbbbbbbb-2222-4333-8444-555555555555"));
        Assert.False(queue.Contains("dddddddd-2222-4333-8444-555555555555"));
    }

    [Fact]
    public void ParseQueue_ItemsWithExtraData_KnowWhichClientSubmittedEach()
    {
        using var document = JsonDocument.Parse("""
            {"queue_running": [[3, "p-running", {}, {"client_id": "videogen.gpu-0.image.1f"}, ["9"]]],
             "queue_pending": [[5, "p-other", {}, {"client_id": "someone"}, ["9"]], [4, "p-bare", {}, {}, ["9"]]]}
            """);

        var queue = ComfyUiResponseParser.ParseQueue(document.RootElement);

        Assert.True(queue.SubmittedBy("p-running", "videogen.gpu-0.image."));
        Assert.False(queue.SubmittedBy("p-other", "videogen.gpu-0.image."));
        Assert.False(queue.SubmittedBy("p-bare", "videogen.gpu-0.image."));
        Assert.Equal(["p-bare", "p-other"], queue.Pending);
    }

    [Fact]
    public void DescribeRejection_ValidationSample_NamesEveryNodeErrorWithItsDetails()
    {
        using var document = Samples.Json("prompt-400-validation.json");

        var message = ComfyUiResponseParser.DescribeRejection(document.RootElement);

        Assert.Equal(
            "ComfyUI refused the workflow: Prompt outputs failed validation" +
            "; node 4 (CheckpointLoaderSimple): Value not in list: ckpt_name: 'sd_xl_base_1.0.safetensors' not in ['juggernautXL_v9.safetensors', 'ponyDiffusionV6XL.safetensors']" +
            "; node 5 (EmptyLatentImage): Value 8 smaller than min of 16: width",
            message);
    }

    [Fact]
    public void DescribeRejection_MissingNodeTypeSample_NamesTheNodeAndItsId()
    {
        using var document = Samples.Json("prompt-400-missing-node-type.json");

        var message = ComfyUiResponseParser.DescribeRejection(document.RootElement);

        Assert.Equal("ComfyUI refused the workflow: Node 'WanVideoSampler' not found. The custom node may not be installed: Node ID '#27'", message);
    }

    [Fact]
    public void ParseSystemStats_Sample_ReadsVersionAndGpu()
    {
        using var document = Samples.Json("system-stats.json");

        var stats = ComfyUiResponseParser.ParseSystemStats(document.RootElement);

        Assert.Equal("0.3.64", stats.ComfyUiVersion);
        Assert.Equal(new ComfyUiDevice("cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync", "cuda", 25250627584, 24441585664), Assert.Single(stats.Devices));
    }
}
