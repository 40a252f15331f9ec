namespace VideoGen.Bench.Comparison;

/// <summary>What one program's run of a figure gave: its measurements, or why there are none.</summary>
public sealed record RunResult(IReadOnlyList<Measurement> Measurements, string? Failure)
{
    /// <summary>What else a reader of the figures should know about this run (an earlier try that failed).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>A run that printed its results table.</summary>
    public static RunResult Of(IReadOnlyList<Measurement> measurements) => new(measurements, null);

    /// <summary>A run that ended without results, and why.</summary>
    public static RunResult Failed(string why) => new([], why);
}
