using VideoGen.Silo.ComfyUi;

namespace VideoGen.Silo.Tests.ComfyUi;

public sealed class ComfyUiMessageParserTests
{
    private const string PromptId = "3f0c2b9e-5d1a-4c8e-9f6b-2a7d8e4c1b05";

    [Fact]
    public void Parse_CapturedImageSession_YieldsTypedMessagesInProtocolOrder()
    {
        var messages = Samples.Lines("ws-image-session.jsonl").Select(line => ComfyUiMessageParser.Parse(line)).ToList();

        Assert.Equal(
            [typeof(StatusMessage), typeof(StatusMessage), typeof(ExecutionStartMessage), typeof(ExecutionCachedMessage), null,
             typeof(ExecutingMessage), typeof(ExecutingMessage), typeof(ExecutingMessage), typeof(ProgressMessage), typeof(ProgressStateMessage),
             typeof(ExecutingMessage), typeof(ExecutingMessage), typeof(ExecutedMessage), typeof(ExecutionSuccessMessage), typeof(StatusMessage),
             typeof(ExecutingMessage)],
            messages.Select(m => m?.GetType()));
        Assert.All(messages.Skip(2).Where(m => m is not null and not StatusMessage), m => Assert.Equal(PromptId, m!.PromptId));

        var hello = Assert.IsType<StatusMessage>(messages[0]);
        Assert.Equal((0, "5b0c1f7e9a2d4c63b8e1f0a2d3c4b5a6"), (hello.QueueRemaining, hello.Sid));
        Assert.Null(hello.PromptId);
        Assert.Equal(["4", "7"], Assert.IsType<ExecutionCachedMessage>(messages[3]).Nodes);
        Assert.Equal(new ProgressMessage("3", 12, 30) { PromptId = PromptId }, messages[8]);
        var state = Assert.IsType<ProgressStateMessage>(messages[9]);
        Assert.Equal(new NodeProgress(12, 30, "running"), state.Nodes["3"]);
        var saved = Assert.Single(Assert.IsType<ExecutedMessage>(messages[12]).Output!.Images);
        Assert.Equal(new OutputFile("6c1f0e2a9b8d4f7e_00001_.png", "videogen", "output"), saved);
        Assert.Equal(1760011214870, Assert.IsType<ExecutionSuccessMessage>(messages[13]).Timestamp);
        Assert.False(Assert.IsType<ExecutingMessage>(messages[7]).IsPromptDone);
        Assert.True(Assert.IsType<ExecutingMessage>(messages[15]).IsPromptDone);
    }

    [Theory]
    [InlineData("ws-execution-error-oom.json", true)]
    [InlineData("ws-execution-error-cuda-oom.json", true)]
    [InlineData("ws-execution-error-node.json", false)]
    public void Parse_ExecutionErrorSample_TellsOutOfMemoryFromOtherErrors(string sample, bool outOfMemory)
    {
        var error = Assert.IsType<ExecutionErrorMessage>(ComfyUiMessageParser.Parse(Samples.Bytes(sample)));

        Assert.Equal(outOfMemory, error.IsOutOfMemory);
        Assert.NotNull(error.NodeType);
        Assert.NotEmpty(error.Traceback);
        Assert.Contains(error.NodeType!, error.Describe());
        Assert.Contains(error.ExceptionType!, error.Describe());
    }

    [Fact]
    public void Parse_ExecutionInterruptedSample_NamesTheNode()
    {
        var interrupted = Assert.IsType<ExecutionInterruptedMessage>(ComfyUiMessageParser.Parse(Samples.Bytes("ws-execution-interrupted.json")));

        Assert.Equal(("57", "KSamplerAdvanced", "e5f6a7b8-c9d0-4e1f-9a2b-3c4d5e6f7a8b"), (interrupted.NodeId, interrupted.NodeType, interrupted.PromptId));
    }

    [Fact]
    public void Parse_ExecutedSaveVideoSample_ReadsTheAnimatedFlag()
    {
        var executed = Assert.IsType<ExecutedMessage>(ComfyUiMessageParser.Parse(Samples.Bytes("ws-executed-video.json")));

        Assert.True(executed.Output!.Animated);
        Assert.Equal("videogen_00003_.mp4", Assert.Single(executed.Output.Images).Filename);
    }

    [Theory]
    [InlineData("""{"type": "crystools.monitor", "data": {"cpu_utilization": 3}}""")]
    [InlineData("""{"type": "progress", "data": "not an object"}""")]
    [InlineData("""{"type": "progress"}""")]
    [InlineData("""{"data": {"node": "3"}}""")]
    [InlineData("""{"type": "executing", "data": {"node": "3",""")]
    [InlineData("not json at all")]
    [InlineData("")]
    public void Parse_UnknownTypeOrMalformedMessage_ReturnsNull(string json) =>
        Assert.Null(ComfyUiMessageParser.Parse(System.Text.Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Parse_BinaryPreviewFrame_ReturnsNull()
    {
        byte[] preview = [0, 0, 0, 1, 0, 0, 0, 2, 0x89, (byte)'P', (byte)'N', (byte)'G'];

        Assert.Null(ComfyUiMessageParser.Parse(preview));
    }

    [Fact]
    public void Parse_NumericNodeIdsAndUnknownFields_ReadLeniently()
    {
        var message = ComfyUiMessageParser.Parse("""{"type": "progress", "data": {"value": 3, "max": 20, "node": 57, "prompt_id": "p", "new_field": {"x": 1}}, "extra": true}"""u8);

        Assert.Equal(new ProgressMessage("57", 3, 20) { PromptId = "p" }, message);
    }
}
