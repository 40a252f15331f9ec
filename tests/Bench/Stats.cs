namespace VideoGen.Bench;

/// <summary>Order statistics of a sample (nearest-rank percentiles).</summary>
public static class Stats
{
    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 50);

    public static double Percentile(IReadOnlyCollection<double> values, double percent)
    {
        if (values.Count == 0) throw new ArgumentException("No values to take a percentile of.", nameof(values));
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
