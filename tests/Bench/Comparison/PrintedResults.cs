namespace VideoGen.Bench.Comparison;

/// <summary>
/// Reads the results table a benchmark program printed (figure, measure, one column per engine,
/// goal) back into measurements: the one output that the previous design's program, which cannot
/// change, and this one have in common.
/// </summary>
public static class PrintedResults
{
    /// <summary>What an engine's cell holds when that engine did not measure the row.</summary>
    public const string NotMeasured = "—";

    /// <summary>The measurements of the results table in <paramref name="output"/>.</summary>
    /// <exception cref="FormatException">The output has no results table, or a malformed one.</exception>
    public static IReadOnlyList<Measurement> Read(string output)
    {
        var table = MarkdownTable.Find(output, "figure", "measure")
            ?? throw new FormatException("The output has no results table (a line starting \"| figure | measure |\").");
        var (header, rows) = table;
        if (header.Length < 4 || header[^1] != "goal")
            throw new FormatException($"The results table's header is \"{string.Join(" | ", header)}\": no engine column, or no goal last.");
        var engines = header[2..^1];
        return rows
            .SelectMany(row => engines.Select((engine, e) => new Measurement(row[0], row[1], row[^1], engine, row[2 + e])))
            .Where(m => m.Value != NotMeasured)
            .ToList();
    }
}
