namespace VideoGen.Silo.Speech;

/// <summary>One sentence to speak.</summary>
/// <param name="Text">The narration text.</param>
/// <param name="Voice">The project's voice, or null for the engine's configured voice.</param>
/// <param name="Speed">The pace relative to the voice's normal pace (1.0).</param>
public sealed record SpeechRequest(string Text, string? Voice, double Speed);
