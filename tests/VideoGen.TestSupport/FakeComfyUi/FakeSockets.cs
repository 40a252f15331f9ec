using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>The fake's <c>/ws</c> endpoint: one socket per client id; a reconnect with the same id replaces the old one.</summary>
internal sealed class FakeSockets(FakeComfyUiState state)
{
    private readonly ConcurrentDictionary<string, FakeConnection> connections = new(StringComparer.Ordinal);
    private readonly byte[] preview = FakePng.Create(4, 4);

    public async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var clientId = context.Request.Query["clientId"].FirstOrDefault() is { Length: > 0 } id ? id : Guid.NewGuid().ToString("N");
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeConnection(socket, context);
        connections[clientId] = connection;
        try
        {
            await SendAsync(connection, "status", Status(clientId));
            var buffer = new byte[4096];
            while (true)
            {
                var frame = await socket.ReceiveAsync(buffer.AsMemory(), context.RequestAborted);
                if (frame.MessageType != WebSocketMessageType.Close) continue;
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                break;
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // Dropped by a knob, by the client, or by the fake shutting down.
        }
        finally
        {
            connections.TryRemove(KeyValuePair.Create(clientId, connection));
        }
    }

    /// <summary>Sends a message to the client that submitted a prompt; like ComfyUI, nothing is sent without a client id.</summary>
    public Task SendAsync(string? clientId, string type, JsonObject data) =>
        clientId is not null && connections.TryGetValue(clientId, out var connection) ? SendAsync(connection, type, data) : Task.CompletedTask;

    public Task BroadcastAsync(string type, JsonObject data) =>
        Task.WhenAll(connections.Values.Select(connection => SendAsync(connection, type, (JsonObject)data.DeepClone())));

    /// <summary>A sampler preview: a binary frame with event type 1 (image) and format 2 (PNG), then the picture.</summary>
    public Task SendPreviewAsync(string? clientId)
    {
        if (clientId is null || !connections.TryGetValue(clientId, out var connection)) return Task.CompletedTask;
        var frame = new byte[8 + preview.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, 1);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), 2);
        preview.CopyTo(frame, 8);
        return connection.SendAsync(frame, WebSocketMessageType.Binary, state.FragmentSize);
    }

    public void Drop(string? clientId)
    {
        if (clientId is not null && connections.TryRemove(clientId, out var connection)) connection.Drop();
    }

    public void DropAll()
    {
        foreach (var clientId in connections.Keys) Drop(clientId);
    }

    public JsonObject Status(string? sid = null)
    {
        var status = new JsonObject { ["status"] = new JsonObject { ["exec_info"] = new JsonObject { ["queue_remaining"] = state.QueueRemaining } } };
        if (sid is not null) status["sid"] = sid;
        return status;
    }

    private Task SendAsync(FakeConnection connection, string type, JsonObject data)
    {
        var json = new JsonObject { ["type"] = type, ["data"] = data }.ToJsonString();
        return connection.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, state.FragmentSize);
    }
}
