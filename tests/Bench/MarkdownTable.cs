using System.Text;

namespace VideoGen.Bench;

/// <summary>Writes and reads the Markdown tables the benchmark prints, cells padded so they also read well in a terminal.</summary>
public static class MarkdownTable
{
    /// <summary>A table of <paramref name="header"/> and <paramref name="rows"/>, every row as wide as the header.</summary>
    public static string Render(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(IEnumerable<string> cells) => text.Append("| ").AppendJoin(" | ", cells.Select((c, i) => c.PadRight(widths[i]))).AppendLine(" |");
        Line(header);
        Line(widths.Select(w => new string('-', w)));
        foreach (var row in rows) Line(row);
        return text.ToString();
    }

    /// <summary>
    /// The first table in <paramref name="text"/> whose header starts with <paramref name="firstColumns"/>:
    /// its header and its rows, cells trimmed; null when there is none.
    /// </summary>
    public static (string[] Header, List<string[]> Rows)? Find(string text, params string[] firstColumns)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('|')) continue;
            var header = Cells(lines[i]);
            if (header.Length < firstColumns.Length || !firstColumns.SequenceEqual(header.Take(firstColumns.Length))) continue;
            // The line under the header is the dashes; the table ends at the first line that is not a row.
            var rows = lines.Skip(i + 2).TakeWhile(l => l.StartsWith('|')).Select(Cells).ToList();
            if (rows.Any(r => r.Length != header.Length))
                throw new FormatException($"A row of the table under \"{lines[i]}\" does not have its {header.Length} cells.");
            return (header, rows);
        }
        return null;
    }

    private static string[] Cells(string line) =>
        line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
}
