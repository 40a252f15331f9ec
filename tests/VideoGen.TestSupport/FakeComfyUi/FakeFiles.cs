using System.Text.Json.Nodes;

namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>The fake's input, output and temp folders, in memory.</summary>
internal sealed class FakeFiles
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Type, string Subfolder, string Name), byte[]> files = [];
    private int counter;

    public byte[]? Read(string type, string subfolder, string name)
    {
        lock (gate) return files.GetValueOrDefault((type, subfolder, name));
    }

    public bool Exists(string type, string subfolder, string name)
    {
        lock (gate) return files.ContainsKey((type, subfolder, name));
    }

    /// <summary>Stores an upload as ComfyUI does: without overwrite, identical content keeps its name and different content becomes <c>x (1).png</c>.</summary>
    public string StoreUpload(string type, string subfolder, string name, byte[] content, bool overwrite)
    {
        lock (gate)
        {
            var stem = Path.GetFileNameWithoutExtension(name);
            var extension = Path.GetExtension(name);
            var stored = name;
            for (var i = 1; !overwrite && files.TryGetValue((type, subfolder, stored), out var existing); i++)
            {
                if (existing.AsSpan().SequenceEqual(content)) return stored;
                stored = $"{stem} ({i}){extension}";
            }
            files[(type, subfolder, stored)] = content;
            return stored;
        }
    }

    /// <summary>Saves an output under <c>prefix_00001_.ext</c> (a prefix may name subfolders) and returns its <c>/history</c> entry.</summary>
    public JsonObject Save(string type, string prefix, string extension, byte[] content)
    {
        var parts = prefix.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var subfolder = string.Join('/', parts.SkipLast(1));
        var stem = parts.Length > 0 ? parts[^1] : "ComfyUI";
        lock (gate)
        {
            var name = $"{stem}_{++counter:D5}_{extension}";
            files[(type, subfolder, name)] = content;
            return new JsonObject { ["filename"] = name, ["subfolder"] = subfolder, ["type"] = type };
        }
    }
}
