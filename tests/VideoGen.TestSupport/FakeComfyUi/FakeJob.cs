using System.Text.Json.Nodes;

namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>A queued or running prompt inside the fake.</summary>
internal sealed class FakeJob(FakePrompt prompt, IReadOnlyList<string> outputNodes, bool savesVideo)
{
    public FakePrompt Prompt { get; } = prompt;
    public string PromptId => Prompt.PromptId;
    public JsonObject Graph => Prompt.Graph;
    public IReadOnlyList<string> OutputNodes { get; } = outputNodes;

    /// <summary>Whether the prompt makes a clip (an output node saves a video) rather than an image: the lane it came from.</summary>
    public bool SavesVideo { get; } = savesVideo;

    /// <summary>Cancelled when the job must stop: interrupted, or lost to a restart.</summary>
    public CancellationTokenSource Stop { get; } = new();

    public bool Interrupted { get; set; }
    public bool Abandoned { get; set; }

    /// <summary>The <c>/queue</c> row: <c>[number, prompt_id, graph, extra_data, outputs_to_execute]</c>.</summary>
    public JsonArray QueueRow() =>
        [Prompt.Number, PromptId, Graph.DeepClone(), new JsonObject { ["client_id"] = Prompt.ClientId }, new JsonArray(OutputNodes.Select(n => (JsonNode)n).ToArray())];
}
