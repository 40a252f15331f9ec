namespace VideoGen.Grains.Domain;

/// <summary>
/// A failure as a creator reads it: one readable sentence (the headline), then, on the lines
/// after it, the technical detail a "details" toggle shows (a tool's own message, a stderr tail).
/// A stored error without a line break is all headline.
/// </summary>
public static class FailureText
{
    /// <summary>The stored form of a failure: <paramref name="headline"/>, and <paramref name="detail"/> on the lines after it when there is one.</summary>
    public static string Compose(string headline, string? detail)
    {
        var head = OneLine(headline);
        return string.IsNullOrWhiteSpace(detail) ? head : $"{head}\n{detail.Trim()}";
    }

    /// <summary>The readable sentence of a stored failure: its first line.</summary>
    public static string Headline(string error) => Split(error).Headline;

    /// <summary>The technical detail of a stored failure (its lines after the first), or null when it has none.</summary>
    public static string? Detail(string error) => Split(error).Detail;

    /// <summary>A stored failure with <paramref name="suffix"/> added to its headline; the detail stays as it is.</summary>
    public static string WithHeadlineSuffix(string error, string suffix)
    {
        var (headline, detail) = Split(error);
        return Compose($"{headline} {suffix}", detail);
    }

    private static (string Headline, string? Detail) Split(string error)
    {
        var text = error.Trim();
        var lineBreak = text.IndexOf('\n');
        if (lineBreak < 0) return (text, null);
        var detail = text[(lineBreak + 1)..].Trim();
        return (text[..lineBreak].Trim(), detail.Length > 0 ? detail : null);
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
