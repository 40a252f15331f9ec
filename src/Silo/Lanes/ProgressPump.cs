using System.Threading.Channels;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.Lanes;

/// <summary>
/// Passes a running job's progress to the store without slowing the backend: only the
/// latest value is kept, and it is written at most once per interval (≤ 10 events a second).
/// </summary>
internal sealed class ProgressPump : IProgress<LaneProgress>, IAsyncDisposable
{
    private readonly Channel<LaneProgress> _latest = Channel.CreateBounded<LaneProgress>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public ProgressPump(Func<LaneProgress, Task> write, TimeSpan interval, Action<Exception> onError)
    {
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var progress in _latest.Reader.ReadAllAsync(_stop.Token))
                {
                    try { await write(progress); }
                    catch (Exception e) { onError(e); }
                    await Task.Delay(interval, _stop.Token);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        });
    }

    public void Report(LaneProgress value) => _latest.Writer.TryWrite(value);

    /// <summary>
    /// Stops at once: the job's outcome is written next and supersedes any progress still
    /// waiting, so neither that progress nor the rest of the interval may hold the job's end
    /// back. A write already under way is finished first.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _latest.Writer.TryComplete();
        await _stop.CancelAsync();
        await _pump;
        _stop.Dispose();
    }
}
