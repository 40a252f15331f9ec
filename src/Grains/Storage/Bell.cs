namespace VideoGen.Grains.Storage;

/// <summary>
/// A doorbell for waiters in this process: <see cref="Next"/> completes at the next
/// <see cref="Ring"/>. Every waiter of the moment wakes; a waiter takes the bell before it
/// looks for news, so a ring between looking and waiting is never missed.
/// </summary>
public sealed class Bell
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
