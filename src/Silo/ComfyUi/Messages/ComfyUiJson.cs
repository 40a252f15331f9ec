using System.Globalization;
using System.Text.Json;

namespace VideoGen.Silo.ComfyUi;

/// <summary>Lenient readers for ComfyUI's JSON: a missing or oddly typed field yields a default, never an exception.</summary>
internal static class ComfyUiJson
{
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        return obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    /// <summary>A string; node ids may arrive as numbers from older or custom nodes, so those are read as text too.</summary>
    public static string? Text(JsonElement obj, string name) => TryGet(obj, name, out var value) ? AsText(value) : null;

    public static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    public static double Number(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : TryGet(obj, name, out value) && double.TryParse(AsText(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : 0;

    public static long? Long(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    public static int? Int(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    public static bool Bool(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) && value.ValueKind == JsonValueKind.True;

    public static IReadOnlyList<string> TextList(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var array) || array.ValueKind != JsonValueKind.Array) return [];
        var items = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (AsText(item) is { } text) items.Add(text);
        }
        return items;
    }

    public static NodeOutput Output(JsonElement output)
    {
        if (output.ValueKind != JsonValueKind.Object) return NodeOutput.Empty;
        var animated = TryGet(output, "animated", out var flags) && flags.ValueKind == JsonValueKind.Array
            && flags.EnumerateArray().Any(f => f.ValueKind == JsonValueKind.True);
        return new NodeOutput(Files(output, "images"), Files(output, "gifs"), animated);
    }

    private static List<OutputFile> Files(JsonElement output, string name)
    {
        var files = new List<OutputFile>();
        if (!TryGet(output, name, out var array) || array.ValueKind != JsonValueKind.Array) return files;
        foreach (var item in array.EnumerateArray())
        {
            if (Text(item, "filename") is not { Length: > 0 } filename) continue;
            files.Add(new OutputFile(filename, Text(item, "subfolder") ?? "", Text(item, "type") ?? "output", Text(item, "format")));
        }
        return files;
    }
}
