using System.Text;

namespace VideoGen.Web.Live;

/// <summary>Writes Server-Sent Events: an optional id and name, then the data line by line.</summary>
public sealed class SseWriter(HttpResponse response)
{
    /// <summary>
    /// Sends the headers of an event stream at once (a client waits for them before it does
    /// anything else), turns off buffering in proxies that honour the hint, and tells the
    /// browser to reconnect after two seconds if the stream drops.
    /// </summary>
    public static async Task StartAsync(HttpResponse response, CancellationToken ct)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync("retry: 2000\n\n", ct);
        await response.Body.FlushAsync(ct);
    }

    public Task WriteAsync(string name, string data, long? id, CancellationToken ct) => WriteFormattedAsync(Format(name, data, id), ct);

    /// <summary>Sends events already put in the stream's form by <see cref="Format"/>, in one write.</summary>
    public async Task WriteFormattedAsync(string events, CancellationToken ct)
    {
        await response.WriteAsync(events, ct);
        await response.Body.FlushAsync(ct);
    }

    /// <summary>One event as it goes on the wire: its id line if any, its name, its data line by line, a blank line.</summary>
    public static string Format(string name, string data, long? id)
    {
        var text = new StringBuilder();
        if (id is { } eventId) text.Append("id: ").Append(eventId).Append('\n');
        text.Append("event: ").Append(name).Append('\n');
        foreach (var line in data.ReplaceLineEndings("\n").Split('\n')) text.Append("data: ").Append(line).Append('\n');
        text.Append('\n');
        return text.ToString();
    }

    /// <summary>A comment line: keeps proxies from closing an idle stream.</summary>
    public async Task HeartbeatAsync(CancellationToken ct)
    {
        await response.WriteAsync(": keep-alive\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}
