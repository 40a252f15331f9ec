using System.Text;
using System.Text.Json;

namespace VideoGen.Silo.ComfyUi;

/// <summary>Reads the bodies of ComfyUI's HTTP answers, leniently (unknown fields are ignored).</summary>
public static class ComfyUiResponseParser
{
    /// <summary>The entry of <paramref name="promptId"/> in a <c>/history/{id}</c> body; <see langword="null"/> for <c>{}</c> (queued, running or unknown).</summary>
    public static HistoryEntry? ParseHistory(JsonElement root, string promptId)
    {
        if (!ComfyUiJson.TryGet(root, promptId, out var entry) || entry.ValueKind != JsonValueKind.Object) return null;

        var outputs = new Dictionary<string, NodeOutput>(StringComparer.Ordinal);
        if (ComfyUiJson.TryGet(entry, "outputs", out var outputNodes) && outputNodes.ValueKind == JsonValueKind.Object)
        {
            foreach (var node in outputNodes.EnumerateObject()) outputs[node.Name] = ComfyUiJson.Output(node.Value);
        }

        string? statusText = null;
        var completed = false;
        var messages = new List<ComfyUiMessage>();
        if (ComfyUiJson.TryGet(entry, "status", out var status))
        {
            statusText = ComfyUiJson.Text(status, "status_str");
            completed = ComfyUiJson.Bool(status, "completed");
            if (ComfyUiJson.TryGet(status, "messages", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var pair in list.EnumerateArray())
                {
                    if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() < 2) continue;
                    if (ComfyUiJson.AsText(pair[0]) is { } type && ComfyUiMessageParser.Parse(type, pair[1]) is { } message)
                    {
                        messages.Add(message.PromptId is null && message is not StatusMessage ? message with { PromptId = promptId } : message);
                    }
                }
            }
        }
        return new HistoryEntry(outputs, statusText, completed, messages);
    }

    /// <summary>A <c>GET /queue</c> body; waiting prompts are sorted by queue number because ComfyUI lists them in heap order.</summary>
    public static ComfyUiQueue ParseQueue(JsonElement root) =>
        new(QueueIds(root, "queue_running"), QueueIds(root, "queue_pending"), QueueClients(root, "queue_running", "queue_pending"));

    /// <summary>A <c>POST /prompt</c> 200 body.</summary>
    public static PromptAccepted ParsePromptAccepted(JsonElement root, string sentPromptId) =>
        new(ComfyUiJson.Text(root, "prompt_id") ?? sentPromptId, ComfyUiJson.Long(root, "number") ?? 0);

    /// <summary>A <c>POST /upload/image</c> body.</summary>
    public static UploadedImage ParseUpload(JsonElement root, string sentName) =>
        new(ComfyUiJson.Text(root, "name") ?? sentName, ComfyUiJson.Text(root, "subfolder") ?? "", ComfyUiJson.Text(root, "type") ?? "input");

    /// <summary>A <c>GET /system_stats</c> body.</summary>
    public static SystemStats ParseSystemStats(JsonElement root)
    {
        var version = ComfyUiJson.TryGet(root, "system", out var system) ? ComfyUiJson.Text(system, "comfyui_version") : null;
        var devices = new List<ComfyUiDevice>();
        if (ComfyUiJson.TryGet(root, "devices", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var device in list.EnumerateArray())
            {
                devices.Add(new ComfyUiDevice(ComfyUiJson.Text(device, "name") ?? "", ComfyUiJson.Text(device, "type") ?? "",
                    ComfyUiJson.Long(device, "vram_total") ?? 0, ComfyUiJson.Long(device, "vram_free") ?? 0));
            }
        }
        return new SystemStats(version, devices);
    }

    /// <summary>
    /// A readable account of a <c>POST /prompt</c> 400: ComfyUI's <c>error.message</c> and
    /// <c>details</c>, then every node error with its node id, class and <c>details</c>, which is
    /// where ComfyUI names the bad input (<c>ckpt_name: 'x' not in [...]</c>).
    /// </summary>
    public static string DescribeRejection(JsonElement root)
    {
        var text = new StringBuilder("ComfyUI refused the workflow");
        if (ComfyUiJson.TryGet(root, "error", out var error))
        {
            if (error.ValueKind == JsonValueKind.String) text.Append(": ").Append(error.GetString());
            AppendError(text, error);
        }
        if (ComfyUiJson.TryGet(root, "node_errors", out var nodeErrors) && nodeErrors.ValueKind == JsonValueKind.Object)
        {
            foreach (var node in nodeErrors.EnumerateObject())
            {
                var classType = ComfyUiJson.Text(node.Value, "class_type");
                if (!ComfyUiJson.TryGet(node.Value, "errors", out var errors) || errors.ValueKind != JsonValueKind.Array) continue;
                foreach (var nodeError in errors.EnumerateArray())
                {
                    text.Append("; node ").Append(node.Name);
                    if (classType is not null) text.Append(" (").Append(classType).Append(')');
                    AppendError(text, nodeError);
                }
            }
        }
        return text.ToString();
    }

    private static void AppendError(StringBuilder text, JsonElement error)
    {
        if (ComfyUiJson.Text(error, "message") is { Length: > 0 } message) text.Append(": ").Append(message.Trim().TrimEnd('.'));
        if (ComfyUiJson.Text(error, "details") is { Length: > 0 } details) text.Append(": ").Append(details.Trim());
    }

    /// <summary>Each queued prompt's client id, from the item's extra data (<c>[n, pid, graph, {"client_id": …}, outputs]</c>).</summary>
    private static Dictionary<string, string> QueueClients(JsonElement root, params string[] names)
    {
        var clients = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!ComfyUiJson.TryGet(root, name, out var list) || list.ValueKind != JsonValueKind.Array) continue;
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() < 4 || ComfyUiJson.AsText(item[1]) is not { } id) continue;
                if (item[3].ValueKind == JsonValueKind.Object && ComfyUiJson.Text(item[3], "client_id") is { } client) clients[id] = client;
            }
        }
        return clients;
    }

    private static List<string> QueueIds(JsonElement root, string name)
    {
        var items = new List<(double Number, string Id)>();
        if (ComfyUiJson.TryGet(root, name, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() < 2) continue;
                if (ComfyUiJson.AsText(item[1]) is not { } id) continue;
                items.Add((item[0].ValueKind == JsonValueKind.Number ? item[0].GetDouble() : 0, id));
            }
        }
        return items.OrderBy(i => i.Number).Select(i => i.Id).ToList();
    }
}
