using System.Text.Json;

namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// Turns ComfyUI's socket messages into typed records. Lenient by design: newer releases add
/// message types and fields, so an unknown type, a malformed message or a missing field never
/// throws; the caller simply gets <see langword="null"/> or default values.
/// </summary>
public static class ComfyUiMessageParser
{
    /// <summary>Parses one complete text frame (<c>{"type": ..., "data": {...}}</c>); <see langword="null"/> when unknown or malformed.</summary>
    public static ComfyUiMessage? Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            return ComfyUiJson.Text(root, "type") is { } type && ComfyUiJson.TryGet(root, "data", out var data)
                ? Parse(type, data)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Parses one message given its type and data, as history entries store them (<c>["execution_error", {...}]</c>).</summary>
    public static ComfyUiMessage? Parse(string type, JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object) return null;
        var promptId = ComfyUiJson.Text(data, "prompt_id");
        ComfyUiMessage? message = type switch
        {
            "status" => ParseStatus(data),
            "execution_start" => new ExecutionStartMessage(ComfyUiJson.Long(data, "timestamp")),
            "execution_cached" => new ExecutionCachedMessage(ComfyUiJson.TextList(data, "nodes")),
            "executing" => new ExecutingMessage(ComfyUiJson.Text(data, "node"), ComfyUiJson.Text(data, "display_node")),
            "progress" => new ProgressMessage(ComfyUiJson.Text(data, "node"), ComfyUiJson.Number(data, "value"), ComfyUiJson.Number(data, "max")),
            "progress_state" => new ProgressStateMessage(ParseNodeStates(data)),
            "executed" => new ExecutedMessage(ComfyUiJson.Text(data, "node"),
                ComfyUiJson.TryGet(data, "output", out var output) ? ComfyUiJson.Output(output) : null),
            "execution_success" => new ExecutionSuccessMessage(ComfyUiJson.Long(data, "timestamp")),
            "execution_error" => new ExecutionErrorMessage(
                ComfyUiJson.Text(data, "node_id"),
                ComfyUiJson.Text(data, "node_type"),
                ComfyUiJson.Text(data, "exception_type"),
                ComfyUiJson.Text(data, "exception_message"),
                ComfyUiJson.TextList(data, "traceback")),
            "execution_interrupted" => new ExecutionInterruptedMessage(ComfyUiJson.Text(data, "node_id"), ComfyUiJson.Text(data, "node_type")),
            _ => null,
        };
        return message is null or StatusMessage ? message : message with { PromptId = promptId };
    }

    private static StatusMessage ParseStatus(JsonElement data)
    {
        int? remaining = null;
        if (ComfyUiJson.TryGet(data, "status", out var status) && ComfyUiJson.TryGet(status, "exec_info", out var info))
        {
            remaining = ComfyUiJson.Int(info, "queue_remaining");
        }
        return new StatusMessage(remaining, ComfyUiJson.Text(data, "sid"));
    }

    private static Dictionary<string, NodeProgress> ParseNodeStates(JsonElement data)
    {
        var states = new Dictionary<string, NodeProgress>(StringComparer.Ordinal);
        if (!ComfyUiJson.TryGet(data, "nodes", out var nodes) || nodes.ValueKind != JsonValueKind.Object) return states;
        foreach (var node in nodes.EnumerateObject())
        {
            states[node.Name] = new NodeProgress(
                ComfyUiJson.Number(node.Value, "value"), ComfyUiJson.Number(node.Value, "max"), ComfyUiJson.Text(node.Value, "state"));
        }
        return states;
    }
}
