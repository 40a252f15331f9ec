namespace VideoGen.Grains.Domain;

/// <summary>
/// How a project's narration is spoken: the voice (null for the speech engine's configured
/// voice) and the speed relative to the engine's normal pace.
/// </summary>
[GenerateSerializer, Alias("VideoGen.NarrationSettings")]
public sealed record NarrationSettings(string? Voice, double Speed)
{
    public const double MinSpeed = 0.5;
    public const double MaxSpeed = 2.0;
    public const int MaxVoiceLength = 64;

    /// <summary>The engine's voice at its normal pace: what a new project uses.</summary>
    public static readonly NarrationSettings Default = new(null, 1.0);

    /// <summary>Why these settings cannot be used, or null.</summary>
    public string? Problem() => CheckSpeed(Speed) ?? CheckVoice(Voice);

    /// <summary>Why <paramref name="speed"/> is out of range, or null.</summary>
    public static string? CheckSpeed(double speed) =>
        double.IsFinite(speed) && speed is >= MinSpeed and <= MaxSpeed
            ? null
            : $"The narration speed must be between {MinSpeed:0.0} and {MaxSpeed:0.0} (1.0 is the voice's normal pace).";

    /// <summary>Why <paramref name="voice"/> is not a voice name, or null (null is the engine's configured voice).</summary>
    public static string? CheckVoice(string? voice) =>
        voice is null
        || (voice.Length is > 0 and <= MaxVoiceLength && char.IsAsciiLetterOrDigit(voice[0])
            && voice.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '.'))
            ? null
            : $"A voice name is 1 to {MaxVoiceLength} letters, digits, '-', '_', '+' or '.', starting with a letter or digit, such as en-us or alloy.";
}
