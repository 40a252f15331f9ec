using System.Text;

namespace VideoGen.Silo.Preview;

/// <summary>The first words of a prompt or narration, short enough to fit on one line of a still.</summary>
internal static class CaptionText
{
    private const char Ellipsis = '…';

    /// <summary>
    /// Up to <paramref name="maxWords"/> words of <paramref name="text"/> in at most
    /// <paramref name="maxChars"/> characters, whitespace collapsed and control characters dropped;
    /// ends with an ellipsis when something was left out.
    /// </summary>
    public static string FirstWords(string text, int maxWords, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => !char.IsControl(c)).ToArray()))
            .Where(w => w.Length > 0)
            .ToList();
        var line = new StringBuilder();
        foreach (var word in words.Take(maxWords))
        {
            var separator = line.Length == 0 ? 0 : 1;
            if (line.Length + separator + word.Length > maxChars)
            {
                if (line.Length == 0) line.Append(Cut(word, maxChars - 1));
                return line.Append(Ellipsis).ToString();
            }
            if (separator == 1) line.Append(' ');
            line.Append(word);
        }
        if (words.Count > maxWords) line.Append(Ellipsis);
        return line.ToString();
    }

    // Never between the two halves of a surrogate pair, which would not be valid UTF-8 for ffmpeg.
    private static string Cut(string word, int length)
    {
        if (length > 0 && char.IsHighSurrogate(word[length - 1])) length--;
        return word[..length];
    }
}
