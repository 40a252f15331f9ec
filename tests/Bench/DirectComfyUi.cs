using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace VideoGen.Bench;

/// <summary>
/// The smallest client a script would write against ComfyUI: one socket, <c>POST /prompt</c>,
/// wait for <c>executing</c> with no node, read <c>/history</c>, download the first output. The
/// baseline the studio's overhead is measured against (P7).
/// </summary>
public sealed class DirectComfyUi(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl };

    /// <summary>Runs <paramref name="graph"/> to its end and returns the bytes of its first output file.</summary>
    public async Task<byte[]> RunAsync(JsonObject graph, CancellationToken ct)
    {
        var clientId = Guid.NewGuid().ToString("N");
        var promptId = Guid.NewGuid().ToString();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new UriBuilder(new Uri(baseUrl, "ws")) { Scheme = "ws", Query = $"clientId={clientId}" }.Uri, ct);
        using var submitted = await _http.PostAsJsonAsync("prompt", new JsonObject
        {
            ["prompt"] = graph.DeepClone(), ["client_id"] = clientId, ["prompt_id"] = promptId,
        }, ct);
        submitted.EnsureSuccessStatusCode();
        await WaitUntilDoneAsync(socket, promptId, ct);

        var history = (await _http.GetFromJsonAsync<JsonObject>($"history/{promptId}", ct))!;
        var file = history[promptId]!["outputs"]!.AsObject().Select(o => o.Value?["images"]?[0]).First(f => f is not null)!;
        var query = $"filename={Uri.EscapeDataString(file["filename"]!.ToString())}&subfolder={Uri.EscapeDataString(file["subfolder"]!.ToString())}&type={file["type"]}";
        var bytes = await _http.GetByteArrayAsync($"view?{query}", ct);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
        return bytes;
    }

    public void Dispose() => _http.Dispose();

    private static async Task WaitUntilDoneAsync(ClientWebSocket socket, string promptId, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);
            if (received.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("ComfyUI closed the socket before the prompt ended.");
            if (received.MessageType != WebSocketMessageType.Text) continue;
            var json = JsonNode.Parse(message.ToArray());
            if (json?["type"]?.ToString() != "executing" || json["data"] is not JsonObject data) continue;
            if (data["prompt_id"]?.ToString() == promptId && data["node"] is null) return;
        }
    }
}
