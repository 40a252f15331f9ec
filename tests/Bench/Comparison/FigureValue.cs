using System.Globalization;

namespace VideoGen.Bench.Comparison;

/// <summary>The number in a printed value or goal: "171.0", "1,912" (thousands), "0.39 %", "2 000/s".</summary>
public static class FigureValue
{
    /// <summary>The number <paramref name="text"/> starts with, or null when it starts with none ("n/a (one process)").</summary>
    public static double? Read(string text)
    {
        var digits = new string(text.TrimStart()
            .TakeWhile(c => char.IsAsciiDigit(c) || c is '.' or ',' or '-' || char.IsWhiteSpace(c))
            .Where(c => c is not ',' && !char.IsWhiteSpace(c)).ToArray());
        return double.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }
}
