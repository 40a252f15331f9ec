using VideoGen.Silo.Devices;

namespace VideoGen.Silo.Speech;

/// <summary>
/// A text-to-speech engine: espeak-ng on the silo's machine, or a server speaking the OpenAI
/// speech API. It writes one audio file a narration lane then normalises and measures.
/// </summary>
public interface ISpeechEngine
{
    /// <summary>The engine's name in logs and error messages.</summary>
    string Name { get; }

    /// <summary>Speaks <paramref name="request"/> into <paramref name="outputPath"/> (WAV, or another format ffmpeg reads).</summary>
    /// <exception cref="GenerationException">The engine failed; its cause says whether another attempt may succeed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired; the engine has stopped.</exception>
    Task SynthesizeAsync(SpeechRequest request, string outputPath, CancellationToken ct);
}
