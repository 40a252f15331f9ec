using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>
/// A prompt the fake accepted: its id, the client id it came with, its queue number, its graph,
/// and when its <c>POST /prompt</c> arrived (before the body was read, so latency figures include none of the fake's own work).
/// </summary>
public sealed partial record FakePrompt(string PromptId, string? ClientId, long Number, JsonObject Graph, DateTimeOffset ReceivedAt)
{
    /// <summary>The studio job the prompt is for: a lane names a prompt's outputs after its job (<c>videogen/{job id}</c>); null for anyone else's.</summary>
    public Guid? JobId => JobName().Match(Graph.ToJsonString()) is { Success: true } match ? Guid.ParseExact(match.Groups[1].Value, "N") : null;

    [GeneratedRegex("videogen/([0-9a-f]{32})")]
    private static partial Regex JobName();
}
