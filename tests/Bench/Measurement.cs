using System.Globalization;

namespace VideoGen.Bench;

/// <summary>One figure measured on one engine (or a note instead of a value).</summary>
public sealed record Measurement(string Figure, string Measure, string Goal, string Engine, string Value)
{
    /// <summary>A measured number, written with <paramref name="format"/>.</summary>
    public static Measurement Of(string figure, string measure, string goal, string engine, double value, string format) =>
        new(figure, measure, goal, engine, value.ToString(format, CultureInfo.InvariantCulture));
}
