using System.Text.Json;
using System.Text.Json.Nodes;
using VideoGen.Grains.Domain;

namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// Loads workflow templates: the built-in ones (SDXL text-to-image, Wan 2.2 14B image-to-video)
/// or an operator's API-format export named by <c>Devices:N:ImageWorkflow</c> / <c>VideoWorkflow</c>.
/// </summary>
/// <remarks>
/// <para>
/// An operator's template keeps its mapping in a sidecar file beside it: <c>wan.json</c> →
/// <c>wan.mapping.json</c>. The export itself stays untouched, so it can be re-exported from the
/// ComfyUI editor ("Export (API)") without losing the mapping. The sidecar is a JSON object whose
/// keys are slot names and whose values name a node id and one of that node's inputs; a slot
/// that feeds several nodes takes an array:
/// </para>
/// <code>
/// {
///   "positive":        { "node": "6",  "input": "text" },
///   "negative":        { "node": "7",  "input": "text" },
///   "seed":            [ { "node": "57", "input": "noise_seed" }, { "node": "58", "input": "noise_seed" } ],
///   "width":           { "node": "50", "input": "width" },
///   "height":          { "node": "50", "input": "height" },
///   "length":          { "node": "50", "input": "length" },
///   "fps":             { "node": "60", "input": "fps" },
///   "start_image":     { "node": "52", "input": "image" },
///   "filename_prefix": { "node": "61", "input": "filename_prefix" }
/// }
/// </code>
/// <para>
/// Slots: <c>positive</c>, <c>negative</c>, <c>seed</c>, <c>width</c>, <c>height</c>, <c>length</c>,
/// <c>fps</c>, <c>start_image</c>, <c>filename_prefix</c>. An image template needs positive, seed,
/// width, height and filename_prefix; a video template also length, fps and start_image.
/// <c>negative</c> is optional everywhere. <c>fps</c> is read, never written: it is the rate the
/// template saves at, used to turn the clip's seconds into a frame count. A mapped input must
/// exist on its node and hold a value, not a link to another node; otherwise loading fails with
/// a <see cref="WorkflowTemplateException"/> naming the slot, the node id and the input.
/// </para>
/// </remarks>
public static class WorkflowTemplateLoader
{
    /// <summary>What follows a template's name (without its extension) to name its mapping file.</summary>
    public const string MappingSuffix = ".mapping.json";

    private const string ResourcePrefix = "VideoGen.Silo.ComfyUi.Templates.";
    private const string BuiltInImage = "sdxl-text-to-image";
    private const string BuiltInVideo = "wan22-14b-image-to-video";

    /// <summary>The built-in template for <paramref name="kind"/>: SDXL for images, Wan 2.2 14B (16 fps) for clips.</summary>
    public static WorkflowTemplate BuiltIn(JobKind kind)
    {
        var name = kind switch
        {
            JobKind.Image => BuiltInImage,
            JobKind.Video => BuiltInVideo,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "ComfyUI templates make images or clips."),
        };
        return Parse(ReadResource(name + ".json"), ReadResource(name + MappingSuffix), kind, $"built-in {name}");
    }

    /// <summary>An operator's template file and its <see cref="MappingPathFor">sidecar mapping</see>.</summary>
    public static WorkflowTemplate FromFile(string path, JobKind kind)
    {
        var mappingPath = MappingPathFor(path);
        if (!File.Exists(path)) throw new WorkflowTemplateException($"Workflow template '{path}' does not exist.");
        if (!File.Exists(mappingPath))
        {
            throw new WorkflowTemplateException(
                $"Workflow template '{path}' has no mapping: write '{mappingPath}' naming the node and input of each slot, " +
                "e.g. {\"positive\": {\"node\": \"6\", \"input\": \"text\"}, ...}.");
        }
        return Parse(File.ReadAllText(path), File.ReadAllText(mappingPath), kind, path);
    }

    /// <summary>The sidecar mapping file of a template: <c>dir/wan.json</c> → <c>dir/wan.mapping.json</c>.</summary>
    public static string MappingPathFor(string templatePath) => Path.ChangeExtension(templatePath, null) + MappingSuffix;

    /// <summary>Checks and builds a template from its graph and mapping JSON; <paramref name="source"/> names it in errors.</summary>
    public static WorkflowTemplate Parse(string graphJson, string mappingJson, JobKind kind, string source)
    {
        var graph = ReadObject(graphJson, source, "workflow");
        CheckApiFormat(graph, source);
        var mapping = WorkflowMappingReader.Read(ReadObject(mappingJson, source, "mapping"), source);
        WorkflowMappingReader.CheckRequiredSlots(mapping, kind, source);
        foreach (var (slot, targets) in mapping)
        {
            foreach (var target in targets) CheckTarget(graph, slot, target, source);
        }
        var fps = mapping.TryGetValue(WorkflowSlot.Fps, out var fpsTargets) ? ReadFps(graph, fpsTargets[0], source) : (int?)null;
        return new WorkflowTemplate(source, kind, graph, mapping, fps);
    }

    private static JsonObject ReadObject(string json, string source, string what)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new WorkflowTemplateException($"Workflow template '{source}': the {what} is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new WorkflowTemplateException($"Workflow template '{source}': the {what} is not valid JSON: {e.Message}", e);
        }
    }

    private static void CheckApiFormat(JsonObject graph, string source)
    {
        if (graph.ContainsKey("nodes") && graph.ContainsKey("links"))
        {
            throw new WorkflowTemplateException(
                $"Workflow template '{source}' is in the editor's format; export it from ComfyUI with \"Export (API)\".");
        }
        foreach (var (id, node) in graph)
        {
            if (node is not JsonObject { } body || body["class_type"] is not JsonValue classType || classType.GetValueKind() != JsonValueKind.String
                || body["inputs"] is not JsonObject)
            {
                throw new WorkflowTemplateException(
                    $"Workflow template '{source}': node '{id}' has no class_type and inputs; is the file an API-format export?");
            }
        }
    }

    private static void CheckTarget(JsonObject graph, WorkflowSlot slot, SlotTarget target, string source)
    {
        var slotName = WorkflowMappingReader.NameOf(slot);
        if (graph[target.NodeId] is not JsonObject node)
        {
            throw new WorkflowTemplateException(
                $"Workflow template '{source}': slot '{slotName}' points at node '{target.NodeId}', which the template does not have.");
        }
        var classType = node["class_type"]!.GetValue<string>();
        var inputs = node["inputs"]!.AsObject();
        if (!inputs.TryGetPropertyValue(target.Input, out var value))
        {
            throw new WorkflowTemplateException(
                $"Workflow template '{source}': slot '{slotName}' points at input '{target.Input}' of node '{target.NodeId}' ({classType}), " +
                $"which has no such input (it has: {string.Join(", ", inputs.Select(i => i.Key))}).");
        }
        if (value is JsonArray)
        {
            throw new WorkflowTemplateException(
                $"Workflow template '{source}': slot '{slotName}' points at input '{target.Input}' of node '{target.NodeId}' ({classType}), " +
                "which is wired to another node; map the slot to an input that holds a value.");
        }
    }

    private static int ReadFps(JsonObject graph, SlotTarget target, string source)
    {
        var value = graph[target.NodeId]!["inputs"]![target.Input];
        if (value is JsonValue number && number.TryGetValue<double>(out var fps) && fps >= 1) return (int)Math.Round(fps);
        throw new WorkflowTemplateException(
            $"Workflow template '{source}': slot 'fps' points at input '{target.Input}' of node '{target.NodeId}', " +
            $"which holds {value?.ToJsonString() ?? "nothing"}, not a frame rate.");
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(WorkflowTemplateLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The built-in workflow '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
