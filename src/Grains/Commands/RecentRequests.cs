namespace VideoGen.Grains.Commands;

/// <summary>
/// The answers a grain gave to its last few requests, by request id, so that a caller retrying
/// after a lost answer gets the first answer again instead of queuing the work twice. An
/// activation that moved or restarted has forgotten them; the store's own checks ("already being
/// generated", scenes with work waiting are skipped) still keep the work from doubling then.
/// </summary>
public sealed class RecentRequests<T>(int capacity)
{
    private readonly Dictionary<Guid, T> _answers = [];
    private readonly Queue<Guid> _order = new();

    /// <summary>The answer given to <paramref name="requestId"/>, if it is still remembered.</summary>
    public bool TryGet(Guid requestId, out T answer) => _answers.TryGetValue(requestId, out answer!);

    /// <summary>Remembers the answer to <paramref name="requestId"/>, forgetting the oldest beyond the capacity.</summary>
    public void Remember(Guid requestId, T answer)
    {
        if (!_answers.TryAdd(requestId, answer)) return;
        _order.Enqueue(requestId);
        while (_order.Count > capacity) _answers.Remove(_order.Dequeue());
    }

    /// <summary>Answers <paramref name="requestId"/> once: a repeated id gets the remembered answer without running <paramref name="run"/>.</summary>
    public async Task<T> OnceAsync(Guid requestId, Func<Task<T>> run)
    {
        if (TryGet(requestId, out var earlier)) return earlier;
        var answer = await run();
        Remember(requestId, answer);
        return answer;
    }
}
