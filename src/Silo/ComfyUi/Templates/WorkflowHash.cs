using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace VideoGen.Silo.ComfyUi;

/// <summary>The fingerprint of a filled workflow, kept with the take it made, so a reproduction can be checked against it.</summary>
public static class WorkflowHash
{
    /// <summary>SHA-256 (lower-case hex) of the workflow's JSON exactly as it is submitted.</summary>
    public static string Of(JsonObject workflow) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(workflow.ToJsonString())));
}
