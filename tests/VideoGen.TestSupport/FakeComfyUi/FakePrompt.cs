using System.Text.Json.Nodes;

namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>A prompt the fake accepted: its id, the client id it came with, its queue number and its graph.</summary>
public sealed record FakePrompt(string PromptId, string? ClientId, long Number, JsonObject Graph);
