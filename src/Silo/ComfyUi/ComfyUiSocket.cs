using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// One open <c>/ws</c> connection. A background pump reads frames, reassembles fragmented
/// text messages, skips binary frames (sampler previews) and oversized messages, and queues the
/// parsed messages. The socket is closed for good once the server closes it or the connection
/// drops: reconnect with a new one (disposing this one first).
/// </summary>
public sealed class ComfyUiSocket : IAsyncDisposable
{
    /// <summary>A text message larger than this is skipped: no protocol message comes near it.</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly ClientWebSocket socket;
    private readonly Channel<ComfyUiMessage> messages = Channel.CreateUnbounded<ComfyUiMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource stop = new();
    private readonly Task pump;

    internal ComfyUiSocket(ClientWebSocket socket)
    {
        this.socket = socket;
        pump = Task.Run(PumpAsync);
    }

    /// <summary>Whether the connection has ended (closed by the server, dropped, or disposed) and every message was read.</summary>
    public bool IsClosed => messages.Reader.Completion.IsCompleted;

    /// <summary>
    /// The next message, waiting at most <paramref name="wait"/>; <see langword="null"/> when none came
    /// in time or the connection ended (then <see cref="IsClosed"/> is true).
    /// </summary>
    public async Task<ComfyUiMessage?> ReceiveAsync(TimeSpan wait, CancellationToken ct)
    {
        if (messages.Reader.TryRead(out var message)) return message;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(wait);
        try
        {
            while (await messages.Reader.WaitToReadAsync(timeout.Token))
            {
                if (messages.Reader.TryRead(out message)) return message;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
        catch (Exception) when (!ct.IsCancellationRequested && IsClosed)
        {
            // The pump ended with the connection's error: the caller sees IsClosed and reconnects.
        }
        ct.ThrowIfCancellationRequested();
        return null;
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[16 * 1024];
        var text = new ArrayBufferWriter<byte>();
        var skipping = false;
        Exception? failure = null;
        try
        {
            while (true)
            {
                var frame = await socket.ReceiveAsync(buffer.AsMemory(), stop.Token);
                if (frame.MessageType == WebSocketMessageType.Close) break;
                // Binary messages are preview images; every fragment of one reports Binary.
                if (frame.MessageType == WebSocketMessageType.Binary) continue;

                if (!skipping)
                {
                    text.Write(buffer.AsSpan(0, frame.Count));
                    skipping = text.WrittenCount > MaxMessageBytes;
                }
                if (!frame.EndOfMessage) continue;

                if (!skipping && ComfyUiMessageParser.Parse(text.WrittenSpan) is { } message) messages.Writer.TryWrite(message);
                text.ResetWrittenCount();
                skipping = false;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            failure = e;
        }
        messages.Writer.TryComplete(failure);
    }

    /// <summary>Closes the connection (politely if it still can, within a second) and stops the pump.</summary>
    public async ValueTask DisposeAsync()
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var polite = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", polite.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The connection is going away anyway; Abort below releases it.
            }
        }
        socket.Abort();
        await stop.CancelAsync();
        await pump;
        socket.Dispose();
        stop.Dispose();
        messages.Writer.TryComplete();
    }
}
