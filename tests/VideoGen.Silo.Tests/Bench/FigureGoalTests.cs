using VideoGen.Bench.Comparison;

namespace VideoGen.Silo.Tests.Bench;

/// <summary>Printed values and goals are read as numbers, and a goal says whether a value meets it.</summary>
public sealed class FigureGoalTests
{
    [Theory]
    [InlineData("171.0", 171.0)]
    [InlineData("1,912", 1912.0)]
    [InlineData("0.39 %", 0.39)]
    [InlineData("2 000/s (PostgreSQL)", 2000.0)]
    [InlineData("n/a (one process)", null)]
    [InlineData("failed", null)]
    [InlineData("", null)]
    public void FigureValue_ReadsTheLeadingNumber(string text, double? expected) =>
        Assert.Equal(expected, FigureValue.Read(text));

    [Theory]
    [InlineData("p99 < 20 ms", 19.9, "sqlite", true)]
    [InlineData("p99 < 20 ms", 20.0, "sqlite", false)]
    [InlineData("≤ 1.02", 1.02, "postgres", true)]
    [InlineData("≤ 1.02", 1.021, "postgres", false)]
    [InlineData("≤ 2 %", 0.62, "sqlite", true)]
    [InlineData("≥ 2 000/s (PostgreSQL)", 2000.0, "postgres", true)]
    [InlineData("≥ 2 000/s (PostgreSQL)", 1999.0, "postgres", false)]
    [InlineData("≥ 2 000/s (PostgreSQL)", 5000.0, "sqlite", null)]
    public void MetBy_ComparesTheValueWithTheThreshold_OnTheGoalsEngine(string goal, double value, string engine, bool? met) =>
        Assert.Equal(met, FigureGoal.Read(goal)!.MetBy(value, engine));

    [Theory]
    [InlineData("")]
    [InlineData("as fast as possible")]
    [InlineData("< soon")]
    public void Read_AGoalWithoutComparisonAndNumber_IsNoGoal(string text) =>
        Assert.Null(FigureGoal.Read(text));

    [Theory]
    [InlineData("enqueue → /prompt p50 (ms), silo in process", "", true)]
    [InlineData("\"generate all\" enqueue (jobs/s), 10,000 jobs", "", false)]
    [InlineData("makespan ÷ ideal, N = 1", "", true)]
    [InlineData("claim+complete burn-down (jobs/s)", "≥ 2 000/s (PostgreSQL)", false)]
    [InlineData("frames", "", null)]
    public void LowerIsBetterFor_TakesTheGoalsDirection_ElseTheUnits(string measure, string goal, bool? lower) =>
        Assert.Equal(lower, FigureGoal.LowerIsBetterFor(measure, FigureGoal.Read(goal)));
}
