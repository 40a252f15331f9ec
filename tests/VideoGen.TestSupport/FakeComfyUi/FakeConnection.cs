using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>One client socket of the fake; sends are serialized because a WebSocket allows one at a time.</summary>
internal sealed class FakeConnection(WebSocket socket, HttpContext context)
{
    private readonly SemaphoreSlim sending = new(1, 1);

    public WebSocket Socket { get; } = socket;

    /// <summary>Sends one message, split into continuation frames of <paramref name="fragmentSize"/> bytes when given.</summary>
    public async Task SendAsync(byte[] message, WebSocketMessageType type, int? fragmentSize)
    {
        await sending.WaitAsync();
        try
        {
            var size = fragmentSize ?? message.Length;
            for (var offset = 0; offset < message.Length || offset == 0; offset += size)
            {
                var count = Math.Min(size, message.Length - offset);
                var last = offset + count >= message.Length;
                await Socket.SendAsync(message.AsMemory(offset, count), type, last, CancellationToken.None);
                if (last) break;
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The client went away; ComfyUI drops messages for a socket that is gone, and so does the fake.
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>Cuts the connection without a close handshake, like a network failure or a killed server.</summary>
    public void Drop()
    {
        // The connection first: aborting the socket ends the request, and the server then
        // disposes its context at any moment.
        try
        {
            context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request had already ended (the client closed the socket itself).
        }
        Socket.Abort();
    }
}
