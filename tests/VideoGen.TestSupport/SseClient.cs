using System.Globalization;

namespace VideoGen.TestSupport;

/// <summary>A connected Server-Sent Events stream, read one event at a time (comments skipped).</summary>
public sealed class SseClient : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseClient(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>The id of the last event read.</summary>
    public long LastId { get; private set; }

    /// <summary>The response's media type (<c>text/event-stream</c> for a stream).</summary>
    public string? MediaType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>
    /// Connects and waits for the response headers, so events written from now on are seen; with
    /// <paramref name="lastEventId"/>, resumes after that event as a reconnecting browser does.
    /// </summary>
    public static async Task<SseClient> OpenAsync(HttpClient client, string url, CancellationToken ct, long? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is { } last) request.Headers.Add("Last-Event-ID", last.ToString(CultureInfo.InvariantCulture));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        return new SseClient(response, new StreamReader(await response.Content.ReadAsStreamAsync(ct)));
    }

    /// <summary>The next event's name and data.</summary>
    public async Task<(string Name, string Data)> NextAsync(CancellationToken ct)
    {
        string name = "", data = "";
        while (true)
        {
            var line = await _reader.ReadLineAsync(ct) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.StartsWith("id: ", StringComparison.Ordinal)) LastId = long.Parse(line[4..], CultureInfo.InvariantCulture);
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data += line[6..];
            else if (line.Length == 0 && name.Length > 0) return (name, data);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
