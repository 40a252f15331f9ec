using System.Globalization;
using System.Text;

namespace VideoGen.Silo.Export;

/// <summary>
/// Subtitles in SubRip (.srt) form: one cue per scene, from the start to the end of its
/// narration, with the sentence's text on one line.
/// </summary>
public static class SubRip
{
    /// <summary>The cues of <paramref name="timeline"/> with the texts of its scenes.</summary>
    public static string Write(ExportTimeline timeline, IReadOnlyList<string> texts)
    {
        if (texts.Count != timeline.Scenes.Count) throw new ArgumentException("One text per scene.", nameof(texts));
        var srt = new StringBuilder();
        for (var i = 0; i < texts.Count; i++)
        {
            var scene = timeline.Scenes[i];
            srt.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append('\n')
               .Append(Time(scene.Start)).Append(" --> ").Append(Time(scene.End)).Append('\n')
               .Append(Line(texts[i])).Append("\n\n");
        }
        return srt.ToString();
    }

    /// <summary>A time as SubRip writes it: <c>HH:MM:SS,mmm</c>, rounded to the millisecond.</summary>
    public static string Time(double seconds)
    {
        var ms = (long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00},{ms % 1000:000}");
    }

    // A blank line ends a cue and "-->" starts a timing line, so neither may appear in the text.
    private static string Line(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => !char.IsControl(c)).ToArray()))
            .Where(w => w.Length > 0);
        var line = string.Join(' ', words).Replace("-->", "→", StringComparison.Ordinal);
        return line.Length == 0 ? "…" : line;
    }
}
