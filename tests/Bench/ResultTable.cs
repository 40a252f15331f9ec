namespace VideoGen.Bench;

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
            .Select(g => (IReadOnlyList<string>)new[] { g.Key.Figure, g.Key.Measure }
                .Concat(engines.Select(e => g.FirstOrDefault(m => m.Engine == e)?.Value ?? "—"))
                .Append(g.First().Goal).ToArray())
            .ToList();
        return MarkdownTable.Render(["figure", "measure", .. engines, "goal"], rows);
    }
}
