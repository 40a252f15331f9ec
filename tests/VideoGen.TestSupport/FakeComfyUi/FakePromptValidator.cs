using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>Validates a submitted graph the way ComfyUI does before queueing it, with the same 400 bodies.</summary>
internal sealed partial class FakePromptValidator(FakeNodeCatalog catalog, FakeFiles files)
{
    /// <summary>ComfyUI 0.38 accepts only lowercase hyphenated UUIDs as prompt ids.</summary>
    public static bool IsPromptId(string id) => PromptIdPattern().IsMatch(id);

    public static JsonObject Error(string type, string message, string details, JsonObject? nodeErrors = null) => new()
    {
        ["error"] = new JsonObject { ["type"] = type, ["message"] = message, ["details"] = details, ["extra_info"] = new JsonObject() },
        ["node_errors"] = nodeErrors ?? new JsonObject(),
    };

    /// <summary>The 400 body for a bad graph, or <see langword="null"/> when it may run; <paramref name="outputNodes"/> lists its output nodes.</summary>
    public JsonObject? Validate(JsonObject graph, out List<string> outputNodes)
    {
        outputNodes = [];
        foreach (var (id, node) in graph)
        {
            if (ClassType(node) is not { } classType)
            {
                return Error("invalid_prompt", "Cannot execute because a node is missing the class_type property.", $"Node ID '#{id}'");
            }
            if (catalog.Find(classType) is not { } type)
            {
                return Error("missing_node_type", $"Node '{classType}' not found. The custom node may not be installed.", $"Node ID '#{id}'");
            }
            if (type.IsOutput) outputNodes.Add(id);
        }
        if (outputNodes.Count == 0) return Error("prompt_no_outputs", "Prompt has no outputs", "");

        var nodeErrors = new JsonObject();
        foreach (var (id, node) in graph)
        {
            var classType = ClassType(node)!;
            var errors = InputErrors(graph, catalog.Find(classType)!, classType, node!["inputs"] as JsonObject ?? new JsonObject());
            if (errors.Count == 0) continue;
            nodeErrors[id] = new JsonObject
            {
                ["errors"] = errors,
                ["dependent_outputs"] = new JsonArray(outputNodes.Select(n => (JsonNode)n).ToArray()),
                ["class_type"] = classType,
            };
        }
        return nodeErrors.Count == 0 ? null : Error("prompt_outputs_failed_validation", "Prompt outputs failed validation", "", nodeErrors);
    }

    private JsonArray InputErrors(JsonObject graph, FakeNodeType type, string classType, JsonObject inputs)
    {
        var errors = new JsonArray();
        foreach (var name in type.Required)
        {
            var value = inputs[name];
            if (value is null)
            {
                errors.Add(NodeError("required_input_missing", "Required input is missing", name, name));
            }
            else if (value is JsonArray link && (link.Count != 2 || !graph.ContainsKey(link[0]?.ToString() ?? "")))
            {
                errors.Add(NodeError("required_input_missing", "Required input is missing", $"{name}: linked node '{link.FirstOrDefault()}' does not exist", name));
            }
            else if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String && catalog.ModelsFor(name) is { } models
                && !models.Contains(text.GetValue<string>()))
            {
                var list = "[" + string.Join(", ", models.Select(m => $"'{m}'")) + "]";
                errors.Add(NodeError("value_not_in_list", "Value not in list", $"{name}: '{text.GetValue<string>()}' not in {list}", name));
            }
            else if (classType == "LoadImage" && name == "image" && !InputExists(value.ToString()))
            {
                errors.Add(NodeError("custom_validation_failed", "Custom validation failed for node", $"image - Invalid image file: {value}", name));
            }
        }
        return errors;
    }

    private bool InputExists(string value)
    {
        var slash = value.LastIndexOf('/');
        return slash < 0 ? files.Exists("input", "", value) : files.Exists("input", value[..slash], value[(slash + 1)..]);
    }

    private static JsonObject NodeError(string type, string message, string details, string input) => new()
    {
        ["type"] = type,
        ["message"] = message,
        ["details"] = details,
        ["extra_info"] = new JsonObject { ["input_name"] = input },
    };

    private static string? ClassType(JsonNode? node) =>
        node?["class_type"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex PromptIdPattern();
}
