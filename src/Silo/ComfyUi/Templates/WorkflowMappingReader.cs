using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VideoGen.Grains.Domain;

namespace VideoGen.Silo.ComfyUi;

/// <summary>Reads a template's slot mapping (the format is described on <see cref="WorkflowTemplateLoader"/>).</summary>
internal static class WorkflowMappingReader
{
    private static readonly WorkflowSlot[] ImageSlots =
        [WorkflowSlot.Positive, WorkflowSlot.Seed, WorkflowSlot.Width, WorkflowSlot.Height, WorkflowSlot.FilenamePrefix];

    private static readonly WorkflowSlot[] VideoSlots = [.. ImageSlots, WorkflowSlot.Length, WorkflowSlot.Fps, WorkflowSlot.StartImage];

    public static Dictionary<WorkflowSlot, IReadOnlyList<SlotTarget>> Read(JsonObject mapping, string source)
    {
        var slots = new Dictionary<WorkflowSlot, IReadOnlyList<SlotTarget>>();
        foreach (var (key, value) in mapping)
        {
            if (!TryParseSlot(key, out var slot))
            {
                throw new WorkflowTemplateException(
                    $"Workflow template '{source}': the mapping names slot '{key}', which does not exist " +
                    $"(slots: {string.Join(", ", Enum.GetValues<WorkflowSlot>().Select(NameOf))}).");
            }
            var targets = value switch
            {
                JsonArray list => list.Select(item => ReadTarget(item, key, source)).ToList(),
                _ => [ReadTarget(value, key, source)],
            };
            if (targets.Count == 0) throw new WorkflowTemplateException($"Workflow template '{source}': slot '{key}' maps to no node.");
            slots[slot] = targets;
        }
        return slots;
    }

    public static void CheckRequiredSlots(IReadOnlyDictionary<WorkflowSlot, IReadOnlyList<SlotTarget>> mapping, JobKind kind, string source)
    {
        var required = kind == JobKind.Video ? VideoSlots : ImageSlots;
        var missing = required.Where(slot => !mapping.ContainsKey(slot)).Select(NameOf).ToList();
        if (missing.Count > 0)
        {
            throw new WorkflowTemplateException(
                $"Workflow template '{source}': the mapping has no {string.Join(", ", missing)}, which a {kind.ToString().ToLowerInvariant()} template needs.");
        }
    }

    /// <summary>The slot's name as mapping files write it: <c>start_image</c>.</summary>
    public static string NameOf(WorkflowSlot slot)
    {
        var name = new StringBuilder();
        foreach (var c in slot.ToString())
        {
            if (char.IsUpper(c) && name.Length > 0) name.Append('_');
            name.Append(char.ToLowerInvariant(c));
        }
        return name.ToString();
    }

    private static bool TryParseSlot(string key, out WorkflowSlot slot)
    {
        foreach (var candidate in Enum.GetValues<WorkflowSlot>())
        {
            if (Normalize(NameOf(candidate)) != Normalize(key)) continue;
            slot = candidate;
            return true;
        }
        slot = default;
        return false;
    }

    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static SlotTarget ReadTarget(JsonNode? value, string slot, string source)
    {
        if (value is JsonObject target && Text(target["node"]) is { Length: > 0 } node && Text(target["input"]) is { Length: > 0 } input)
        {
            return new SlotTarget(node, input);
        }
        throw new WorkflowTemplateException(
            $"Workflow template '{source}': slot '{slot}' must be {{\"node\": \"<id>\", \"input\": \"<name>\"}} or a list of those (got {value?.ToJsonString() ?? "null"}).");
    }

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;
}
