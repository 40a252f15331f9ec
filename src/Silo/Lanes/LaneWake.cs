namespace VideoGen.Silo.Lanes;

/// <summary>
/// What wakes an idle lane: <see cref="Next"/> completes at the next <see cref="Ring"/>.
/// The lane takes the next ring before it looks for work, so work that arrives between
/// looking and waiting is never left to the fallback poll.
/// </summary>
internal sealed class LaneWake
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _current = New();

    public Task Next()
    {
        lock (_gate) return _current.Task;
    }

    public void Ring()
    {
        TaskCompletionSource rung;
        lock (_gate)
        {
            rung = _current;
            _current = New();
        }
        rung.TrySetResult();
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
