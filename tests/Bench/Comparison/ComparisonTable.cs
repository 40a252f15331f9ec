using System.Globalization;

namespace VideoGen.Bench.Comparison;

/// <summary>
/// The previous design's figures beside this one's: one row per figure, engine and measure, in the
/// order they were measured (a measure only one of the two programs has keeps its row, "—" on the other side).
/// A measure that was renamed since the previous design is paired under its new name.
/// </summary>
public sealed class ComparisonTable
{
    /// <summary>
    /// Measures whose name ends differently now, per figure: the previous design's ending and this one's.
    /// P4's second lane was a process woken by NOTIFY before the Orleans move and is a silo of the cluster now.
    /// </summary>
    private static readonly (string Figure, string Previous, string Now)[] Renamed =
    [
        ("P4", ", lane elsewhere (NOTIFY)", ", lane on another silo"),
    ];

    /// <summary>What a side's cell says when that side's run of the figure failed.</summary>
    public const string Failed = "failed";

    private readonly List<ComparisonRow> _rows = [];
    private readonly List<string> _notes = [];

    /// <summary>The rows so far.</summary>
    public IReadOnlyList<ComparisonRow> Rows => _rows;

    /// <summary>Why a run gave no figures, and what else a run's figures come with, one line each.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Adds <paramref name="figure"/> as the previous design and this one measured it.</summary>
    public void Add(string figure, RunResult previous, RunResult now)
    {
        foreach (var (side, run) in new[] { ("previous design", previous), ("now", now) })
        {
            _notes.AddRange(run.Notes.Select(note => $"{figure}, {side}: {note}"));
            if (run.Failure is not null) _notes.Add($"{figure}, {side}: {run.Failure}");
        }
        var before = previous.Measurements.Select(NamedAsNow).ToList();
        var measured = now.Measurements.Concat(before).Where(m => m.Figure == figure).ToList();
        var keys = measured.Select(m => m.Engine).Distinct()
            .SelectMany(engine => measured.Where(m => m.Engine == engine).Select(m => (engine, m.Measure)).Distinct());
        foreach (var (engine, measure) in keys)
        {
            var was = before.FirstOrDefault(m => m.Figure == figure && m.Engine == engine && m.Measure == measure);
            var after = now.Measurements.FirstOrDefault(m => m.Figure == figure && m.Engine == engine && m.Measure == measure);
            _rows.Add(Row(figure, measure, engine, was, previous.Failure, after, now.Failure));
        }
    }

    /// <summary>The table as Markdown, with the notes listed under it.</summary>
    public string ToMarkdown()
    {
        string[] header = ["figure", "measure", "engine", "previous", "now", "now ÷ previous", "better", "goal", "goal met (previous / now)"];
        var rows = _rows.Select(r => (IReadOnlyList<string>)[r.Figure, r.Measure, r.Engine, r.Previous, r.Now, r.Ratio, r.Better, r.Goal, r.GoalMet]).ToList();
        var text = MarkdownTable.Render(header, rows);
        return _notes.Count == 0 ? text : text + Environment.NewLine + string.Join(Environment.NewLine, _notes.Select(n => $"- {n}")) + Environment.NewLine;
    }

    private static ComparisonRow Row(string figure, string measure, string engine, Measurement? before, string? beforeFailed, Measurement? after, string? afterFailed)
    {
        var goalText = after?.Goal is { Length: > 0 } g ? g : before?.Goal ?? "";
        var goal = FigureGoal.Read(goalText);
        var previous = before is null ? null : FigureValue.Read(before.Value);
        var now = after is null ? null : FigureValue.Read(after.Value);
        return new ComparisonRow(
            figure, measure, engine,
            Cell(before, beforeFailed), Cell(after, afterFailed),
            previous is { } p && now is { } n && p != 0 ? (n / p).ToString("0.00", CultureInfo.InvariantCulture) : PrintedResults.NotMeasured,
            Better(previous, now, FigureGoal.LowerIsBetterFor(measure, goal)),
            goalText,
            goal is null ? ""
            : goal.Engine is { } only && only != engine ? $"n/a ({only} only)"
            : $"{Met(goal, previous, engine)} / {Met(goal, now, engine)}");
    }

    private static Measurement NamedAsNow(Measurement measured) =>
        Renamed.FirstOrDefault(r => r.Figure == measured.Figure && measured.Measure.EndsWith(r.Previous, StringComparison.Ordinal)) is { Figure: not null } rename
            ? measured with { Measure = measured.Measure[..^rename.Previous.Length] + rename.Now }
            : measured;

    private static string Cell(Measurement? measured, string? failure) =>
        measured?.Value ?? (failure is null ? PrintedResults.NotMeasured : Failed);

    private static string Better(double? previous, double? now, bool? lowerIsBetter) =>
        (previous, now, lowerIsBetter) switch
        {
            ({ } p, { } n, { } lower) when p == n => "same",
            ({ } p, { } n, { } lower) => (n < p) == lower ? "now" : "previous",
            _ => PrintedResults.NotMeasured,
        };

    private static string Met(FigureGoal goal, double? value, string engine) =>
        value is { } v && goal.MetBy(v, engine) is { } met ? (met ? "yes" : "no") : PrintedResults.NotMeasured;
}
