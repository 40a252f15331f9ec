using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VideoGen.TestSupport.FakeSpeech;

/// <summary>
/// An in-process speech server for tests: a real Kestrel server on <c>127.0.0.1</c> answering
/// <c>POST /v1/audio/speech</c> the way OpenAI-compatible TTS servers do, with a WAV tone whose
/// length is <see cref="SecondsPerCharacter"/> times the input's length. Records every request.
/// </summary>
public sealed class FakeSpeechServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SpeechCall> _calls = new();
    private readonly ConcurrentQueue<int> _failures = new();

    private FakeSpeechServer(WebApplication app)
    {
        _app = app;
        app.MapPost("/v1/audio/speech", AnswerAsync);
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeSpeechServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var server = new FakeSpeechServer(builder.Build());
        await server._app.StartAsync();
        return server;
    }

    /// <summary>The server's address, ending in <c>/</c>.</summary>
    public Uri BaseUrl => new(_app.Urls.First().TrimEnd('/') + "/");

    /// <summary>How long the answer lasts per character of input.</summary>
    public double SecondsPerCharacter { get; set; } = 0.05;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<SpeechCall> Calls => _calls.ToArray();

    /// <summary>The next <paramref name="count"/> requests are answered with <paramref name="status"/> and a JSON error.</summary>
    public void FailNext(int count, int status)
    {
        for (var i = 0; i < count; i++) _failures.Enqueue(status);
    }

    /// <summary>How long the answer to <paramref name="input"/> lasts, in seconds (a whole number of 24 kHz samples).</summary>
    public double SecondsFor(string input) => Math.Round(input.Length * SecondsPerCharacter * 24_000) / 24_000;

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        var input = root.TryGetProperty("input", out var i) ? i.GetString() ?? "" : "";
        _calls.Enqueue(new SpeechCall(
            root.TryGetProperty("model", out var m) ? m.GetString() : null,
            root.TryGetProperty("voice", out var v) ? v.GetString() : null,
            input,
            root.TryGetProperty("response_format", out var f) ? f.GetString() : null,
            root.TryGetProperty("speed", out var s) ? s.GetDouble() : null,
            context.Request.Headers.Authorization.ToString()));
        if (_failures.TryDequeue(out var status))
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = new { message = $"fake failure {status}: voice not available" } });
            return;
        }
        context.Response.ContentType = "audio/wav";
        await context.Response.Body.WriteAsync(PcmWav.Tone(SecondsFor(input)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the fake speech server received.</summary>
public sealed record SpeechCall(string? Model, string? Voice, string Input, string? ResponseFormat, double? Speed, string Authorization);
