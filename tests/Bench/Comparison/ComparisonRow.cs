namespace VideoGen.Bench.Comparison;

/// <summary>
/// One measure on one engine, as the previous design and this one printed it. <see cref="Ratio"/>
/// is now ÷ previous; <see cref="Better"/> says which of the two is better ("now", "previous",
/// "same"), and <see cref="GoalMet"/> whether each met the goal ("previous / now").
/// </summary>
public sealed record ComparisonRow(
    string Figure, string Measure, string Engine, string Previous, string Now,
    string Ratio, string Better, string Goal, string GoalMet);
