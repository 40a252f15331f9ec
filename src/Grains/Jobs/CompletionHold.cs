namespace VideoGen.Grains.Jobs;

/// <summary>
/// A test switch: the first completion of the process waits <see cref="Duration"/> inside its
/// transaction, with its job and sentence rows locked, as a process frozen at that moment would.
/// Only the standalone silo host sets it, from <see cref="Variable"/>; nothing does by default.
/// </summary>
public sealed class CompletionHold(TimeSpan duration)
{
    /// <summary>The environment variable the silo host reads: the seconds to hold the first completion open.</summary>
    public const string Variable = "VIDEOGEN_TEST_HOLD_COMPLETION_SECONDS";

    private int _taken;

    /// <summary>How long the held completion waits inside its transaction.</summary>
    public TimeSpan Duration { get; } = duration;

    /// <summary>The hold asked for by <see cref="Variable"/>, or null when it is absent (always, outside tests).</summary>
    public static CompletionHold? FromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), out var seconds) && seconds > 0 ? new(TimeSpan.FromSeconds(seconds)) : null;

    /// <summary>True for the first completion only.</summary>
    public bool TryTake() => Interlocked.Exchange(ref _taken, 1) == 0;
}
