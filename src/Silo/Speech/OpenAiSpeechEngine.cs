using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.Speech;

/// <summary>
/// A speech server speaking the OpenAI speech API, as self-hosted TTS servers do:
/// <c>POST {Url}/v1/audio/speech</c> with <c>{model, voice, input, response_format, speed}</c>,
/// answered with the audio itself.
/// </summary>
public sealed class OpenAiSpeechEngine(HttpClient http, IOptions<SpeechOptions> options, ILogger<OpenAiSpeechEngine> logger) : ISpeechEngine
{
    private readonly SpeechOptions _options = options.Value;

    public string Name => "OpenAI-compatible speech server";

    public async Task SynthesizeAsync(SpeechRequest request, string outputPath, CancellationToken ct)
    {
        var endpoint = new Uri(new Uri(_options.Url!.TrimEnd('/') + "/"), "v1/audio/speech");
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = JsonContent.Create(new SpeechBody(_options.Model, request.Voice ?? _options.DefaultVoice, request.Text, "wav", Math.Clamp(request.Speed, NarrationSettings.MinSpeed, NarrationSettings.MaxSpeed))),
        };
        if (!string.IsNullOrWhiteSpace(_options.ApiKey)) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(_options.Timeout);
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(limit.Token);
                throw new GenerationException(CauseOf(response.StatusCode),
                    $"The speech server at {_options.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(body)}");
            }
            await using var file = File.Create(outputPath);
            await response.Content.CopyToAsync(file, limit.Token);
            logger.LogInformation("Speech server {Url} spoke {Characters} characters into {OutputPath}", _options.Url, request.Text.Length, outputPath);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && limit.IsCancellationRequested)
        {
            throw new GenerationException(FailureCause.Transient, $"The speech server at {_options.Url} did not answer within {_options.Timeout}.");
        }
        catch (HttpRequestException e)
        {
            throw new GenerationException(FailureCause.Transient, FailureText.Compose($"The speech server at {_options.Url} could not be reached.", e.Message), e);
        }
    }

    // A refused request stays refused; an overloaded or failing server may answer next time.
    private static FailureCause CauseOf(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500
            ? FailureCause.Transient
            : FailureCause.Rejected;

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 300 ? line : line[..300] + "…";
    }

    private sealed record SpeechBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("model")] string Model,
        [property: System.Text.Json.Serialization.JsonPropertyName("voice")] string Voice,
        [property: System.Text.Json.Serialization.JsonPropertyName("input")] string Input,
        [property: System.Text.Json.Serialization.JsonPropertyName("response_format")] string ResponseFormat,
        [property: System.Text.Json.Serialization.JsonPropertyName("speed")] double Speed);
}
