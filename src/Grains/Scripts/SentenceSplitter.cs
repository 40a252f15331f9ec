using System.Text;

namespace VideoGen.Grains.Scripts;

/// <summary>
/// Splits narration into sentences at '.', '!', '?' and '…', keeping abbreviations
/// ("Dr. Smith", "e.g. this"), initials ("J. R. R. Tolkien") and numbers ("3.5") whole.
/// </summary>
public static class SentenceSplitter
{
    // Abbreviations that are followed by more of the same sentence ("Dr. Who", "No. 5").
    private static readonly HashSet<string> NeverEnding = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "capt", "lt", "sgt",
        "rev", "hon", "pres", "gov", "sen", "rep", "vs", "no", "nos", "fig", "vol", "approx", "ca",
        "e.g", "i.e", "cf", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    private const string Terminators = ".!?…";
    private const string Closers = "\"'”’)]»";

    /// <summary>The sentences of <paramref name="paragraph"/>, whitespace folded, in order.</summary>
    public static IReadOnlyList<string> Split(string paragraph)
    {
        var text = FoldWhitespace(paragraph);
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!Terminators.Contains(text[i])) continue;
            var end = i + 1;
            while (end < text.Length && Terminators.Contains(text[end])) end++;
            var runLength = end - i;
            while (end < text.Length && Closers.Contains(text[end])) end++;

            if (end < text.Length && !IsBoundary(text, i, runLength, end)) continue;
            AddSentence(sentences, text[start..end]);
            start = end;
            i = end - 1;
        }
        if (start < text.Length) AddSentence(sentences, text[start..]);
        return sentences;
    }

    private static bool IsBoundary(string text, int terminator, int runLength, int end)
    {
        // "3.5", "U.S.A", "file.txt": a terminator not followed by space is inside a word.
        if (!char.IsWhiteSpace(text[end])) return false;
        var next = NextNonSpace(text, end);
        if (next is null) return true;
        // "approx. five metres": a lower-case continuation is the same sentence.
        if (char.IsLower(next.Value)) return false;
        if (text[terminator] != '.' || runLength > 1) return true;

        var word = WordBefore(text, terminator);
        if (NeverEnding.Contains(word)) return false;
        // A single capital letter before the dot is an initial: "J. R. R. Tolkien".
        if (word.Length == 1 && char.IsUpper(word[0])) return false;
        return true;
    }

    private static string WordBefore(string text, int index)
    {
        var from = index;
        while (from > 0 && (char.IsLetter(text[from - 1]) || text[from - 1] == '.')) from--;
        return text[from..index];
    }

    private static char? NextNonSpace(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
            if (!char.IsWhiteSpace(text[i])) return text[i];
        return null;
    }

    private static void AddSentence(List<string> sentences, string candidate)
    {
        var trimmed = candidate.Trim();
        if (trimmed.Any(char.IsLetterOrDigit)) sentences.Add(trimmed);
        else if (trimmed.Length > 0 && sentences.Count > 0) sentences[^1] += trimmed;
    }

    private static string FoldWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
