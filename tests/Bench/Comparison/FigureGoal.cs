namespace VideoGen.Bench.Comparison;

/// <summary>
/// A goal as the benchmark prints it ("p99 &lt; 20 ms", "≤ 1.02", "≥ 2 000/s (PostgreSQL)"):
/// which way is better, the threshold, and the one engine it is set for, if it names one.
/// </summary>
public sealed record FigureGoal(bool LowerIsBetter, bool Strict, double Threshold, string? Engine)
{
    private static readonly (char Sign, bool Lower, bool Strict)[] Signs = [('<', true, true), ('≤', true, false), ('>', false, true), ('≥', false, false)];
    private static readonly (string Name, string Engine)[] EngineNames = [("PostgreSQL", "postgres"), ("SQLite", "sqlite")];

    /// <summary>The goal <paramref name="text"/> states, or null when it states none (an empty cell, words only).</summary>
    public static FigureGoal? Read(string text)
    {
        var at = text.IndexOfAny(Signs.Select(s => s.Sign).ToArray());
        if (at < 0 || FigureValue.Read(text[(at + 1)..]) is not { } threshold) return null;
        var (_, lower, strict) = Signs.Single(s => s.Sign == text[at]);
        var engine = EngineNames.FirstOrDefault(n => text.Contains($"({n.Name})", StringComparison.OrdinalIgnoreCase)).Engine;
        return new FigureGoal(lower, strict, threshold, engine);
    }

    /// <summary>Whether <paramref name="value"/> measured on <paramref name="engine"/> meets the goal; null when the goal is not this engine's.</summary>
    public bool? MetBy(double value, string engine)
    {
        if (Engine is not null && Engine != engine) return null;
        return (LowerIsBetter, Strict) switch
        {
            (true, true) => value < Threshold,
            (true, false) => value <= Threshold,
            (false, true) => value > Threshold,
            (false, false) => value >= Threshold,
        };
    }

    /// <summary>
    /// Whether a lower value of <paramref name="measure"/> is better: the goal's direction when it has
    /// one, else the unit's (times, ratios of times and shares lower; rates higher); null when neither says.
    /// </summary>
    public static bool? LowerIsBetterFor(string measure, FigureGoal? goal) =>
        goal?.LowerIsBetter
        ?? (measure.Contains("/s)", StringComparison.Ordinal) ? false
            : measure.Contains("(ms)", StringComparison.Ordinal) || measure.Contains('÷') || measure.Contains('%') ? true
            : null);
}
