namespace VideoGen.Grains.Domain;

/// <summary>The limits a sentence's fields must respect, shared by the entity and input validation.</summary>
public static class SentenceRules
{
    public const int MaxTextLength = 2_000;
    public const int MaxPromptLength = 4_000;
    public const double MinMotionStrength = 0.0;
    public const double MaxMotionStrength = 1.0;
    public const double DefaultMotionStrength = 0.5;

    /// <summary>Returns why <paramref name="text"/> is not acceptable as sentence text, or null.</summary>
    public static string? CheckText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "The sentence text cannot be empty."
        : text.Length > MaxTextLength ? $"The sentence text is {text.Length} characters; at most {MaxTextLength} are allowed."
        : null;

    /// <summary>Returns why <paramref name="prompt"/> is not acceptable as a prompt, or null. Prompts may be empty while being written.</summary>
    public static string? CheckPrompt(string? prompt) =>
        prompt is null ? "The prompt is missing."
        : prompt.Length > MaxPromptLength ? $"The prompt is {prompt.Length} characters; at most {MaxPromptLength} are allowed."
        : null;

    /// <summary>Returns why <paramref name="strength"/> is out of range, or null.</summary>
    public static string? CheckMotionStrength(double strength) =>
        double.IsFinite(strength) && strength is >= MinMotionStrength and <= MaxMotionStrength
            ? null
            : $"Motion strength must be between {MinMotionStrength:0.0} and {MaxMotionStrength:0.0}.";
}
