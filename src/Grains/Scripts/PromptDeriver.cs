using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Scripts;

/// <summary>
/// Starting prompts for a freshly imported sentence, so a new project can be generated at
/// once: the sentence's own words describe the picture, the project's style sets the look.
/// </summary>
public static class PromptDeriver
{
    public const string DefaultStyle = "cinematic still, detailed, soft natural light";
    private const string Motion = "subtle natural motion, smooth steady camera";

    public static string ImagePrompt(string sentence, string? style) => Fit($"{Core(sentence)}, {StyleOrDefault(style)}");

    public static string VideoPrompt(string sentence, string? style) => Fit($"{Core(sentence)}, {Motion}, {StyleOrDefault(style)}");

    private static string StyleOrDefault(string? style) => string.IsNullOrWhiteSpace(style) ? DefaultStyle : style.Trim();

    private static string Core(string sentence) => sentence.Trim().Trim('"', '\'', '“', '”', '‘', '’').TrimEnd('.', '!', '?', '…', ',', ';', ':').Trim();

    private static string Fit(string prompt) =>
        prompt.Length <= SentenceRules.MaxPromptLength ? prompt : prompt[..SentenceRules.MaxPromptLength];
}
