using System.Text.Json.Nodes;

namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>
/// A prompt the fake accepted: its id, the client id it came with, its queue number, its graph,
/// and when its <c>POST /prompt</c> arrived (before the body was read, so latency figures include none of the fake's own work).
/// </summary>
public sealed record FakePrompt(string PromptId, string? ClientId, long Number, JsonObject Graph, DateTimeOffset ReceivedAt);
