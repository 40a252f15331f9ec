using System.Text;
using System.Text.Json;

namespace VideoGen.Silo.Tests.ComfyUi;

/// <summary>Captured ComfyUI messages and answers in TestData/comfyui.</summary>
internal static class Samples
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "comfyui", name);

    public static byte[] Bytes(string name) => Encoding.UTF8.GetBytes(File.ReadAllText(PathOf(name)).Trim());

    public static IEnumerable<byte[]> Lines(string name) =>
        File.ReadLines(PathOf(name)).Where(line => line.Length > 0).Select(Encoding.UTF8.GetBytes);

    public static JsonDocument Json(string name) => JsonDocument.Parse(File.ReadAllText(PathOf(name)));
}
