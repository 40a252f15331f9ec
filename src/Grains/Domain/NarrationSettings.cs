namespace VideoGen.Grains.Domain;

/// <summary>
/// How a project's narration is spoken: the voice (null for the speech engine's configured
/// voice) and the speed relative to the engine's normal pace.
/// </summary>
public sealed record NarrationSettings(string? Voice, double Speed)
{
    public const double MinSpeed = 0.5;
    public const double MaxSpeed = 2.0;
    public const int MaxVoiceLength = 64;

    /// <summary>The engine's voice at its normal pace: what a new project uses.</summary>
    public static readonly NarrationSettings Default = new(null, 1.0);

    /// <summary>Why these settings cannot be used, or null.</summary>
    public string? Problem() =>
        !double.IsFinite(Speed) || Speed < MinSpeed || Speed > MaxSpeed
            ? $"The narration speed must be between {MinSpeed:0.0} and {MaxSpeed:0.0} (1.0 is the voice's normal pace)."
        : Voice is not null && (Voice.Length is 0 or > MaxVoiceLength || !char.IsAsciiLetterOrDigit(Voice[0])
                                || !Voice.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '.'))
            ? $"A voice name is 1 to {MaxVoiceLength} letters, digits, '-', '_', '+' or '.', starting with a letter or digit, such as en-us or alloy."
        : null;
}
