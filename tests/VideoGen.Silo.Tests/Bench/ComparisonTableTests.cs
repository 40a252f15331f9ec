using VideoGen.Bench;
using VideoGen.Bench.Comparison;

namespace VideoGen.Silo.Tests.Bench;

/// <summary>The previous design's figures and this one's are paired by figure, engine and measure, with a ratio, the better side and the goal.</summary>
public sealed class ComparisonTableTests
{
    private const string P99 = "enqueue → /prompt p99 (ms), silo in process";
    private const string Rate = "claim+complete burn-down (jobs/s)";

    private static Measurement Latency(string engine, string value) => new("P1", P99, "p99 < 20 ms", engine, value);

    private static Measurement BurnDown(string engine, string value) => new("P6", Rate, "≥ 2 000/s (PostgreSQL)", engine, value);

    [Fact]
    public void Add_PairsEachMeasureOnEachEngine_WithRatioBetterSideAndGoal()
    {
        var table = new ComparisonTable();

        table.Add("P1", RunResult.Of([Latency("sqlite", "40.0"), Latency("postgres", "10.0")]), RunResult.Of([Latency("postgres", "15.0"), Latency("sqlite", "10.0")]));

        Assert.Equal(
            [
                new ComparisonRow("P1", P99, "postgres", "10.0", "15.0", "1.50", "previous", "p99 < 20 ms", "yes / yes"),
                new ComparisonRow("P1", P99, "sqlite", "40.0", "10.0", "0.25", "now", "p99 < 20 ms", "no / yes"),
            ],
            table.Rows);
    }

    [Fact]
    public void Add_ARate_IsBetterHigher_AndItsGoalCountsOnlyOnItsEngine()
    {
        var table = new ComparisonTable();

        table.Add("P6", RunResult.Of([BurnDown("sqlite", "379"), BurnDown("postgres", "1,000")]), RunResult.Of([BurnDown("sqlite", "379"), BurnDown("postgres", "2,500")]));

        Assert.Equal(("same", "1.00", "n/a (postgres only)"), (table.Rows[0].Better, table.Rows[0].Ratio, table.Rows[0].GoalMet));
        Assert.Equal(("now", "2.50", "no / yes"), (table.Rows[1].Better, table.Rows[1].Ratio, table.Rows[1].GoalMet));
    }

    [Fact]
    public void Add_AMeasureOnlyOneSideHas_KeepsItsRow_WithNothingToCompare()
    {
        var table = new ComparisonTable();
        var added = new Measurement("P1", "enqueue → /prompt p99 (ms), lane on another silo", "p99 < 20 ms", "sqlite", "12.0");

        table.Add("P1", RunResult.Of([Latency("sqlite", "n/a (one process)")]), RunResult.Of([Latency("sqlite", "9.0"), added]));

        Assert.Equal(
            [
                new ComparisonRow("P1", P99, "sqlite", "n/a (one process)", "9.0", "—", "—", "p99 < 20 ms", "— / yes"),
                new ComparisonRow("P1", added.Measure, "sqlite", "—", "12.0", "—", "—", "p99 < 20 ms", "— / yes"),
            ],
            table.Rows);
    }

    [Fact]
    public void Add_TheStreamLaneElsewhereOfThePreviousDesign_PairsWithTheLaneOnAnotherSilo()
    {
        const string Was = "progress → storyboard stream p99 (ms), 100 pages, lane elsewhere (NOTIFY)";
        const string Is = "progress → storyboard stream p99 (ms), 100 pages, lane on another silo";
        var table = new ComparisonTable();

        table.Add("P4", RunResult.Of([new("P4", Was, "p99 < 50 ms", "postgres", "200.0")]), RunResult.Of([new("P4", Is, "p99 < 50 ms", "postgres", "40.0")]));

        Assert.Equal(new ComparisonRow("P4", Is, "postgres", "200.0", "40.0", "0.20", "now", "p99 < 50 ms", "no / yes"), Assert.Single(table.Rows));
    }

    [Fact]
    public void Add_AFailedRun_MarksItsSideFailed_AndListsWhyUnderTheTable()
    {
        var table = new ComparisonTable();

        table.Add("P1", RunResult.Failed("exited with 134"), RunResult.Of([Latency("sqlite", "9.0")]));

        var row = Assert.Single(table.Rows);
        Assert.Equal((ComparisonTable.Failed, "9.0", "—"), (row.Previous, row.Now, row.Ratio));
        Assert.Equal(["P1, previous design: exited with 134"], table.Notes);
        Assert.EndsWith("- P1, previous design: exited with 134" + Environment.NewLine, table.ToMarkdown());
    }

    [Fact]
    public void Add_ARunThatPassedOnItsSecondTry_KeepsItsFigures_AndSaysTheFirstFailed()
    {
        var table = new ComparisonTable();
        var retried = RunResult.Of([Latency("sqlite", "40.0")]) with { Notes = ["a first run failed (database is locked)"] };

        table.Add("P1", retried, RunResult.Of([Latency("sqlite", "10.0")]));

        Assert.Equal(("40.0", "0.25"), (table.Rows[0].Previous, table.Rows[0].Ratio));
        Assert.Equal(["P1, previous design: a first run failed (database is locked)"], table.Notes);
    }

    [Fact]
    public void ToMarkdown_PrintsOneLinePerRow_UnderTheHeader()
    {
        var table = new ComparisonTable();
        table.Add("P1", RunResult.Of([Latency("sqlite", "40.0")]), RunResult.Of([Latency("sqlite", "10.0")]));

        var (header, rows) = MarkdownTable.Find(table.ToMarkdown(), "figure", "measure")!.Value;

        Assert.Equal(["figure", "measure", "engine", "previous", "now", "now ÷ previous", "better", "goal", "goal met (previous / now)"], header);
        Assert.Equal(["P1", P99, "sqlite", "40.0", "10.0", "0.25", "now", "p99 < 20 ms", "no / yes"], Assert.Single(rows));
    }
}
