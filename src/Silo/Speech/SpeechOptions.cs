using VideoGen.Silo.Options;

namespace VideoGen.Silo.Speech;

/// <summary>
/// Configuration section <c>Speech</c>: which engine speaks the narration. <c>espeak</c> (the
/// embedded default) runs espeak-ng on the silo's machine; <c>openai</c> posts to a server
/// speaking the OpenAI speech API (<c>POST {Url}/v1/audio/speech</c>), such as a self-hosted TTS server.
/// </summary>
public sealed class SpeechOptions : ISelfValidatingOptions
{
    public const string Section = "Speech";

    public const string Espeak = "espeak";
    public const string OpenAi = "openai";

    /// <summary><c>espeak</c> or <c>openai</c>.</summary>
    public string Engine { get; set; } = Espeak;

    /// <summary>The voice used when a project names none: an espeak-ng voice (<c>en-us</c>) or the server's voice name (<c>alloy</c>).</summary>
    public string? Voice { get; set; }

    /// <summary>The espeak-ng program: a name looked up on PATH, or an absolute path.</summary>
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>The speech server's base URL, e.g. <c>http://127.0.0.1:8880</c> (for <c>openai</c>).</summary>
    public string? Url { get; set; }

    /// <summary>The model the speech server speaks with (for <c>openai</c>).</summary>
    public string Model { get; set; } = "tts-1";

    /// <summary>Sent as a bearer token when set (for <c>openai</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one sentence may take to speak.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    public bool IsOpenAi => string.Equals(Engine?.Trim(), OpenAi, StringComparison.OrdinalIgnoreCase);

    /// <summary>The voice of a request that names none.</summary>
    public string DefaultVoice => string.IsNullOrWhiteSpace(Voice) ? IsOpenAi ? "alloy" : "en-us" : Voice.Trim();

    /// <summary>The problems of these options, each naming its key; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var engine = Engine?.Trim().ToLowerInvariant();
        if (engine is not (Espeak or OpenAi)) problems.Add($"{Section}:Engine must be '{Espeak}' or '{OpenAi}' (got '{Engine}').");
        if (Timeout <= TimeSpan.Zero) problems.Add($"{Section}:Timeout must be a positive time span, e.g. 00:02:00.");
        if (engine == Espeak && string.IsNullOrWhiteSpace(EspeakPath))
            problems.Add($"{Section}:EspeakPath is empty: name the espeak-ng program (\"espeak-ng\" finds it on PATH).");
        if (engine == OpenAi)
        {
            if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                problems.Add($"{Section}:Url must be the speech server's base URL, e.g. http://127.0.0.1:8880 (got '{Url}').");
            if (string.IsNullOrWhiteSpace(Model)) problems.Add($"{Section}:Model is empty: name the model the speech server speaks with, e.g. tts-1.");
        }
        if (Voice is { Length: > 0 } voice && Grains.Domain.NarrationSettings.CheckVoice(voice.Trim()) is { } voiceProblem)
            problems.Add($"{Section}:Voice is not usable: {voiceProblem}");
        return problems;
    }
}
