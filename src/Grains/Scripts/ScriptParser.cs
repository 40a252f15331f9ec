using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Scripts;

/// <summary>
/// Turns a pasted narration script into sections and sentences. Lines starting with '#'
/// are section titles; a script without such headings has one section per block of
/// text between blank lines.
/// </summary>
public static class ScriptParser
{
    public const int MaxScriptLength = 200_000;
    public const int MaxSentences = 2_000;
    public const string Field = "script";

    public static Outcome<ParsedScript> Parse(string? script)
    {
        if (string.IsNullOrWhiteSpace(script))
            return Outcome<ParsedScript>.Failure(new ValidationError(Field, "The script is empty: paste the narration, one or more sentences."));
        if (script.Length > MaxScriptLength)
            return Outcome<ParsedScript>.Failure(new ValidationError(Field,
                $"The script is {script.Length:N0} characters; at most {MaxScriptLength:N0} are accepted. Split it into several projects.",
                ValidationErrorKind.TooLarge));

        var lines = script.ReplaceLineEndings("\n").Split('\n');
        var blocks = lines.Any(IsHeading) ? BlocksByHeading(lines) : BlocksByBlankLine(lines);

        var sections = new List<ParsedSection>();
        var total = 0;
        foreach (var (title, body) in blocks)
        {
            var sentences = SentenceSplitter.Split(body);
            if (sentences.Count == 0) continue;
            total += sentences.Count;
            if (total > MaxSentences)
                return Outcome<ParsedScript>.Failure(new ValidationError(Field,
                    $"The script has more than {MaxSentences:N0} sentences; split it into several projects.", ValidationErrorKind.TooLarge));
            var tooLong = sentences.FirstOrDefault(s => s.Length > SentenceRules.MaxTextLength);
            if (tooLong is not null)
                return Outcome<ParsedScript>.Failure(new ValidationError(Field,
                    $"The sentence starting \"{tooLong[..40]}…\" is {tooLong.Length:N0} characters; at most {SentenceRules.MaxTextLength:N0} are allowed. Add full stops to break it up."));
            sections.Add(new ParsedSection(title ?? $"Section {sections.Count + 1}", sentences));
        }

        return sections.Count == 0
            ? Outcome<ParsedScript>.Failure(new ValidationError(Field, "The script has no sentences: only headings or punctuation were found."))
            : Outcome<ParsedScript>.Success(new ParsedScript(sections));
    }

    /// <summary>The title of the script's first heading that has one, or null: a project named after nothing else is named after it.</summary>
    public static string? FirstHeading(string? script) =>
        script?.ReplaceLineEndings("\n").Split('\n').Where(IsHeading)
            .Select(line => line.TrimStart().TrimStart('#').Trim())
            .FirstOrDefault(title => title.Length > 0);

    /// <summary>A line starting with '#'; one with no title after the marks starts an untitled section.</summary>
    private static bool IsHeading(string line) => line.TrimStart().StartsWith('#');

    private static IEnumerable<(string? Title, string Body)> BlocksByHeading(string[] lines)
    {
        string? title = null;
        var body = new List<string>();
        foreach (var line in lines)
        {
            if (IsHeading(line))
            {
                yield return (title, string.Join('\n', body));
                var heading = line.TrimStart().TrimStart('#').Trim();
                title = heading.Length > 0 ? heading : null;
                body.Clear();
            }
            else body.Add(line);
        }
        yield return (title, string.Join('\n', body));
    }

    private static IEnumerable<(string? Title, string Body)> BlocksByBlankLine(string[] lines)
    {
        var body = new List<string>();
        foreach (var line in lines)
        {
            if (line.Trim().Length > 0)
            {
                body.Add(line);
                continue;
            }
            if (body.Count > 0) yield return (null, string.Join('\n', body));
            body.Clear();
        }
        if (body.Count > 0) yield return (null, string.Join('\n', body));
    }
}
