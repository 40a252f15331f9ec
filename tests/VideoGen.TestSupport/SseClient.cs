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

    /// <summary>
    /// The next named event's name and data; the data of several <c>data:</c> lines is joined with
    /// '\n', as a browser does. An event without a name is skipped, its data with it.
    /// </summary>
    public async Task<(string Name, string Data)> NextAsync(CancellationToken ct)
    {
        var name = "";
        var data = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(ct) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.StartsWith("id: ", StringComparison.Ordinal)) LastId = long.Parse(line[4..], CultureInfo.InvariantCulture);
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Add(line[6..]);
            else if (line.Length == 0)
            {
                if (name.Length > 0) return (name, string.Join('\n', data));
                data.Clear();
            }
        }
    }

    /// <summary>The data of the next event named <paramref name="name"/>; events of other names before it are skipped.</summary>
    public async Task<string> NextAsync(string name, CancellationToken ct) => (await NextAsync((n, _) => n == name, ct)).Data;

    /// <summary>The next event <paramref name="wanted"/> picks by its name and data; the events before it are skipped.</summary>
    public async Task<(string Name, string Data)> NextAsync(Func<string, string, bool> wanted, CancellationToken ct)
    {
        while (true)
        {
            var (name, data) = await NextAsync(ct);
            if (wanted(name, data)) return (name, data);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
