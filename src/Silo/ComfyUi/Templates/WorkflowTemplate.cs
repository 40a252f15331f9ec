using System.Text.Json.Nodes;
using VideoGen.Grains.Domain;

namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// An API-format ComfyUI workflow plus the mapping of each <see cref="WorkflowSlot"/> to the node
/// inputs it fills. Load one with <see cref="WorkflowTemplateLoader"/>, which refuses a mapping
/// that points at a missing node or input; <see cref="Fill"/> then never fails.
/// </summary>
public sealed class WorkflowTemplate
{
    private readonly JsonObject graph;

    internal WorkflowTemplate(string source, JobKind kind, JsonObject graph, IReadOnlyDictionary<WorkflowSlot, IReadOnlyList<SlotTarget>> mapping, int? fps)
    {
        this.graph = graph;
        Source = source;
        Kind = kind;
        Mapping = mapping;
        Fps = fps;
        SamplerNodeIds = graph
            .Where(node => node.Value?["class_type"]?.GetValue<string>() is { } classType && IsSampler(classType))
            .Select(node => node.Key)
            .ToList();
    }

    /// <summary>Where the template came from (a file path, or the built-in template's name), for messages.</summary>
    public string Source { get; }

    /// <summary>What the template makes: <see cref="JobKind.Image"/> or <see cref="JobKind.Video"/>.</summary>
    public JobKind Kind { get; }

    public IReadOnlyDictionary<WorkflowSlot, IReadOnlyList<SlotTarget>> Mapping { get; }

    /// <summary>The frame rate the template's video is saved at (its <see cref="WorkflowSlot.Fps"/> input); <see langword="null"/> for images.</summary>
    public int? Fps { get; }

    /// <summary>
    /// The nodes that report sampling steps (KSampler, KSamplerAdvanced, SamplerCustom*, and
    /// custom nodes named *Sampler), in graph order; a two-pass Wan workflow has two.
    /// </summary>
    public IReadOnlyList<string> SamplerNodeIds { get; }

    /// <summary>A copy of the graph with every mapped slot set to <paramref name="inputs"/>.</summary>
    public JsonObject Fill(WorkflowInputs inputs)
    {
        var filled = (JsonObject)graph.DeepClone();
        Set(filled, WorkflowSlot.Positive, () => JsonValue.Create(inputs.Positive));
        if (inputs.Negative is { Length: > 0 } negative) Set(filled, WorkflowSlot.Negative, () => JsonValue.Create(negative));
        Set(filled, WorkflowSlot.Seed, () => JsonValue.Create(inputs.Seed));
        Set(filled, WorkflowSlot.Width, () => JsonValue.Create(inputs.Width));
        Set(filled, WorkflowSlot.Height, () => JsonValue.Create(inputs.Height));
        if (inputs.Length is { } length) Set(filled, WorkflowSlot.Length, () => JsonValue.Create(length));
        if (inputs.StartImage is { } startImage) Set(filled, WorkflowSlot.StartImage, () => JsonValue.Create(startImage));
        Set(filled, WorkflowSlot.FilenamePrefix, () => JsonValue.Create(inputs.FilenamePrefix));
        return filled;
    }

    internal static bool IsSampler(string classType) =>
        classType.EndsWith("Sampler", StringComparison.Ordinal)
        || classType.EndsWith("SamplerAdvanced", StringComparison.Ordinal)
        || classType.StartsWith("SamplerCustom", StringComparison.Ordinal);

    private void Set(JsonObject filled, WorkflowSlot slot, Func<JsonNode?> value)
    {
        if (!Mapping.TryGetValue(slot, out var targets)) return;
        foreach (var target in targets) filled[target.NodeId]!["inputs"]![target.Input] = value();
    }
}
