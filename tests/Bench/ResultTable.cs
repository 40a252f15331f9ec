using System.Globalization;
using System.Text;

namespace VideoGen.Bench;

/// <summary>One figure measured on one engine (or a note instead of a value).</summary>
public sealed record Measurement(string Figure, string Measure, string Goal, string Engine, string Value)
{
    /// <summary>A measured number, written with <paramref name="format"/>.</summary>
    public static Measurement Of(string figure, string measure, string goal, string engine, double value, string format) =>
        new(figure, measure, goal, engine, value.ToString(format, CultureInfo.InvariantCulture));
}

/// <summary>The figures side by side: one row per measure, one column per engine.</summary>
public sealed class ResultTable(IReadOnlyList<string> engines)
{
    private readonly List<Measurement> _measurements = [];

    /// <summary>Adds one engine's measurements of a figure.</summary>
    public void Add(IEnumerable<Measurement> measurements) => _measurements.AddRange(measurements);

    /// <summary>The table as Markdown, columns padded so it also reads well in a terminal.</summary>
    public string ToMarkdown()
    {
        var rows = _measurements.GroupBy(m => (m.Figure, m.Measure))
            .Select(g => new[] { g.Key.Figure, g.Key.Measure }
                .Concat(engines.Select(e => g.FirstOrDefault(m => m.Engine == e)?.Value ?? "—"))
                .Append(g.First().Goal).ToArray())
            .ToList();
        string[] header = ["figure", "measure", .. engines, "goal"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(IEnumerable<string> cells) => text.Append("| ").AppendJoin(" | ", cells.Select((c, i) => c.PadRight(widths[i]))).AppendLine(" |");
        Line(header);
        Line(widths.Select(w => new string('-', w)));
        foreach (var row in rows) Line(row);
        return text.ToString();
    }
}
