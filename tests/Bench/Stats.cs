namespace VideoGen.Bench;

/// <summary>Order statistics of a sample (nearest-rank percentiles).</summary>
public static class Stats
{
    /// <summary>The middle value (the lower of the two middle ones for an even count).</summary>
    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 50);

    /// <summary>The smallest value at or above <paramref name="percent"/> % of the sample.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double percent)
    {
        if (values.Count == 0) throw new ArgumentException("No values to take a percentile of.", nameof(values));
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
