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
    private readonly Task _pump;

    public ProgressPump(Func<LaneProgress, Task> write, TimeSpan interval, Action<Exception> onError)
    {
        _pump = Task.Run(async () =>
        {
            await foreach (var progress in _latest.Reader.ReadAllAsync())
            {
                try { await write(progress); }
                catch (Exception e) { onError(e); }
                await Task.Delay(interval);
            }
        });
    }

    public void Report(LaneProgress value) => _latest.Writer.TryWrite(value);

    public async ValueTask DisposeAsync()
    {
        _latest.Writer.TryComplete();
        await _pump;
    }
}
