using System.Text;
using System.Text.Json;

namespace VideoGen.Silo.ComfyUi;

/// <summary>Stateless helpers for <see cref="ComfyUiClient"/>'s requests and answers.</summary>
internal static class ComfyUiHttp
{
    public static async Task<string> DescribeRejectionAsync(HttpResponseMessage response, CancellationToken token)
    {
        var text = await response.Content.ReadAsStringAsync(token);
        try
        {
            using var document = JsonDocument.Parse(text);
            return ComfyUiResponseParser.DescribeRejection(document.RootElement);
        }
        catch (JsonException)
        {
            return $"ComfyUI refused the workflow: {text.Trim()}";
        }
    }

    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken token)
    {
        await using var body = await response.Content.ReadAsStreamAsync(token);
        return await JsonDocument.ParseAsync(body, cancellationToken: token);
    }

    public static async Task<string> SnippetAsync(HttpResponseMessage response, CancellationToken token)
    {
        try
        {
            var text = (await response.Content.ReadAsStringAsync(token)).Trim();
            return text.Length > 500 ? text[..500] + "…" : text;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return "";
        }
    }

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static string MediaTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        _ => "image/png",
    };
}
