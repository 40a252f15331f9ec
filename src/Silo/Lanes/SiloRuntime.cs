using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VideoGen.Grains.Devices;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;

namespace VideoGen.Silo.Lanes;

/// <summary>
/// A running silo: keeps its hold on its devices by heartbeat, checks that their backends
/// answer (a device that does not claims no work until it does), runs one worker per device
/// lane, rescues jobs whose silo died, and stops the jobs creators cancel. Stopping drains:
/// no new claims, running jobs get a grace period, then go back to the queue.
/// </summary>
public sealed class SiloRuntime : IAsyncDisposable
{
    /// <summary>How long a backend may take to answer its health check: a busy GPU box answers slowly, not never.</summary>
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<DeviceSpec> _devices;
    private readonly DeviceRegistry _registry;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, bool> _held = new();
    private readonly Func<string, bool> _drives;
    private readonly ConcurrentDictionary<string, string?> _refused = new();
    /// <summary>Per device, why it could not take work at its last health check; null when it could. Absent before the first check.</summary>
    private readonly ConcurrentDictionary<string, string?> _problems = new();
    private readonly List<LaneWorker> _lanes = [];
    private readonly CancellationTokenSource _stopClaiming = new();
    private readonly CancellationTokenSource _stopLoops = new();
    private readonly CancellationTokenSource _kill = new();
    private Task _lanesDone = Task.CompletedTask;
    private Task _loopsDone = Task.CompletedTask;
    private readonly Lock _stopGate = new();
    private Task? _stopped;

    public SiloRuntime(
        SiloIdentity identity, IReadOnlyList<DeviceSpec> devices, IJobQueue queue, DeviceRegistry registry,
        MediaFiles media, QueueTimings timings, ILoggerFactory logs, Func<string, bool>? drives = null)
    {
        _drives = drives ?? (_ => true);
        Identity = identity;
        _devices = devices;
        Queue = queue;
        _registry = registry;
        Media = media;
        Timings = timings;
        Work = new WorkBuilder(media);
        _logger = logs.CreateLogger<SiloRuntime>();
        foreach (var spec in devices)
            foreach (var (lane, backend) in spec.Backends)
                _lanes.Add(new LaneWorker(this, spec, lane, backend, logs.CreateLogger<LaneWorker>()));
    }

    public SiloIdentity Identity { get; }
    public IJobQueue Queue { get; }
    public MediaFiles Media { get; }
    public QueueTimings Timings { get; }
    internal WorkBuilder Work { get; }

    /// <summary>
    /// Whether this silo currently holds <paramref name="device"/>: it may drive it (on the cluster, the
    /// device's grain does not live elsewhere) and its last heartbeat was accepted.
    /// </summary>
    public bool Holds(string device) => _drives(device) && HeldInStore(device);

    private bool HeldInStore(string device) => _held.TryGetValue(device, out var held) && held;

    /// <summary>
    /// Takes (or keeps) the hold of every device it may drive now (the lanes of a device just taken
    /// wake): called when a device's grain comes back here, so its lanes need not wait for the next heartbeat.
    /// </summary>
    public async Task HeartbeatNowAsync()
    {
        try
        {
            await HeartbeatOnceAsync(_stopLoops.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Silo {Silo} could not take its devices' hold; its heartbeat tries again", Identity.Id);
        }
    }

    /// <summary>Whether every backend of <paramref name="device"/> answered the last health check.</summary>
    public bool Answers(string device) => _problems.TryGetValue(device, out var problem) && problem is null;

    /// <summary>The jobs this silo's lanes hold right now: on a device, next in line, or storing their output.</summary>
    public IReadOnlyList<Guid> RunningJobs => _lanes.SelectMany(l => l.HeldJobIds).ToArray();

    /// <summary>Wakes the idle lanes of <paramref name="lanes"/> kinds: of <paramref name="device"/>, or of every device when null.</summary>
    public void Wake(string? device, IReadOnlyCollection<Lane> lanes)
    {
        foreach (var worker in _lanes)
            if ((device is null || worker.DeviceName == device) && lanes.Contains(worker.Lane)) worker.Wake();
    }

    /// <summary>Stops the running job <paramref name="jobId"/> of <paramref name="device"/> because it was cancelled; false when none of its lanes runs it.</summary>
    public bool CancelRunning(string device, Guid jobId) =>
        _lanes.Where(l => l.DeviceName == device).Aggregate(false, (found, lane) => lane.RequestCancel(jobId) || found);

    /// <summary>What each lane of <paramref name="device"/> runs now.</summary>
    public IReadOnlyList<LaneActivity> Activity(string device) =>
        _lanes.Where(l => l.DeviceName == device).Select(l => new LaneActivity(l.Lane, l.RunningJobId)).ToArray();

    /// <summary>Takes its devices (first heartbeat) and starts the lanes and the background loops.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        await CheckHealthOnceAsync(ct);
        await HeartbeatOnceAsync(ct);
        _lanesDone = Task.WhenAll(_lanes.Select(l => Task.Run(() => l.RunAsync(_stopClaiming.Token, _kill.Token))));
        _loopsDone = Task.WhenAll(
            Task.Run(() => EveryAsync(Timings.HealthInterval, CheckHealthOnceAsync, _stopLoops.Token)),
            Task.Run(() => EveryAsync(Timings.Heartbeat, HeartbeatOnceAsync, _stopLoops.Token)),
            Task.Run(() => EveryAsync(Timings.RescueInterval, RescueOnceAsync, _stopLoops.Token)),
            Task.Run(() => WatchCancelsAsync(_stopLoops.Token)));
        _logger.LogInformation("Silo {Silo} started with {Devices}", Identity.Id, string.Join(", ", _devices.Select(d => d.Device.Name)));
    }

    /// <summary>
    /// Drains: stops claiming, marks its devices draining, lets running jobs finish for
    /// <paramref name="grace"/>, then hands the rest back to the queue and lets the devices go.
    /// </summary>
    public Task StopAsync(TimeSpan grace)
    {
        // Hosts may stop a service twice (stop, then dispose): the first stop is the only one.
        lock (_stopGate) return _stopped ??= DrainAsync(grace);
    }

    /// <summary>Stops at once and writes nothing, as a crashed process would: its leases simply run out.</summary>
    public Task KillAsync()
    {
        lock (_stopGate) return _stopped ??= DieAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.Zero);
        _stopClaiming.Dispose();
        _stopLoops.Dispose();
        _kill.Dispose();
    }

    private async Task DrainAsync(TimeSpan grace)
    {
        await _stopClaiming.CancelAsync();
        // Held in the store, whether or not its grain is still here: a stopping silo's grains may leave first.
        foreach (var spec in _devices.Where(d => HeldInStore(d.Device.Name)))
            await Quietly(() => _registry.DrainAsync(spec.Device.Name, Identity.Id, CancellationToken.None));
        if (await Task.WhenAny(_lanesDone, Task.Delay(grace)) != _lanesDone)
        {
            foreach (var lane in _lanes) lane.StopRunning(StopReason.SiloStopping);
            await _lanesDone;
        }
        await _stopLoops.CancelAsync();
        await _loopsDone;
        foreach (var spec in _devices.Where(d => HeldInStore(d.Device.Name)))
            await Quietly(() => _registry.ReleaseAsync(spec.Device.Name, Identity.Id, CancellationToken.None));
        _held.Clear();
        _logger.LogInformation("Silo {Silo} stopped", Identity.Id);
    }

    private async Task DieAsync()
    {
        await _kill.CancelAsync();
        await _stopClaiming.CancelAsync();
        await _stopLoops.CancelAsync();
        await Task.WhenAll(_lanesDone, _loopsDone);
    }

    /// <summary>The wait before retrying a job that hit a transient fault: doubling per attempt, with jitter.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponential = Timings.RetryBackoff.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, Timings.MaxRetryBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble()));
    }

    /// <summary>Waits, ending early (without throwing) when <paramref name="ct"/> is cancelled.</summary>
    internal static async Task PauseAsync(TimeSpan delay, CancellationToken ct)
    {
        try { await Task.Delay(delay, ct); }
        catch (OperationCanceledException) { }
    }

    private async Task HeartbeatOnceAsync(CancellationToken ct)
    {
        // A device driven elsewhere gets no heartbeat from here: its hold lapses if it was ours.
        foreach (var spec in _devices.Where(d => _drives(d.Device.Name)))
        {
            var hold = await _registry.HeartbeatAsync(spec.Device, Identity.Id, Answers(spec.Device.Name), ct);
            var taken = hold.Held && !HeldInStore(spec.Device.Name);
            _held[spec.Device.Name] = hold.Held;
            // A device just taken over (its previous silo went silent) may have work waiting that nobody will announce.
            if (taken) Wake(spec.Device.Name, [.. spec.Backends.Keys]);
            if (hold.Held) _refused.TryRemove(spec.Device.Name, out _);
            else if (_refused.TryAdd(spec.Device.Name, hold.Holder))
                _logger.LogWarning("Device {DeviceName} is driven by silo {Holder}; silo {Silo} will not drive it while that silo holds it",
                    spec.Device.Name, hold.Holder, Identity.Id);
        }
    }

    /// <summary>
    /// Asks every device's backends whether they can take work, all devices at once and each within
    /// <see cref="HealthTimeout"/>, in a loop of its own so that a backend that hangs never delays the
    /// heartbeat. The operator reads why in the log, once when a device stops answering.
    /// </summary>
    private Task CheckHealthOnceAsync(CancellationToken ct) => Task.WhenAll(_devices.Select(async spec =>
    {
        var name = spec.Device.Name;
        var problem = await HealthProblemAsync(spec, ct);
        var wasAnswering = !_problems.TryGetValue(name, out var before) || before is null;
        _problems[name] = problem;
        if (problem is not null && wasAnswering)
            _logger.LogWarning("Device {DeviceName} does not answer its health check; silo {Silo} claims no work for it until it does: {Problem}", name, Identity.Id, problem);
        else if (problem is null && !wasAnswering)
        {
            _logger.LogInformation("Device {DeviceName} answers again; silo {Silo} claims work for it", name, Identity.Id);
            // Work queued meanwhile woke lanes that could not take it; nobody will announce it again.
            Wake(name, [.. spec.Backends.Keys]);
        }
    }));

    private async Task<string?> HealthProblemAsync(DeviceSpec spec, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(HealthTimeout);
        try
        {
            foreach (var backend in spec.Backends.Values.Distinct())
                if (await backend.HealthProblemAsync(limit.Token) is { } problem) return problem;
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"no answer within {HealthTimeout.TotalSeconds:0} s";
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // A fault the backend did not expect: it cannot take work either.
            return e.Message;
        }
    }

    private async Task RescueOnceAsync(CancellationToken ct) => await Queue.RescueExpiredAsync(ct);

    /// <summary>
    /// The fallback for cancels whose call to the device grain was lost: every <see cref="QueueTimings.CancelPoll"/>,
    /// while something runs, the store says which running jobs were asked to stop.
    /// </summary>
    private async Task WatchCancelsAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (RunningJobs.Count > 0)
                {
                    var cancelled = (await Queue.CancelRequestedAsync(Identity.Id, ct)).ToHashSet();
                    foreach (var lane in _lanes)
                        foreach (var id in lane.HeldJobIds.Where(cancelled.Contains)) lane.RequestCancel(id);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Silo {Silo} could not check for cancel requests", Identity.Id);
            }
            await PauseAsync(Timings.CancelPoll, ct);
        }
    }

    private async Task EveryAsync(TimeSpan interval, Func<CancellationToken, Task> action, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await PauseAsync(interval, ct);
            if (ct.IsCancellationRequested) return;
            try { await action(ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Silo {Silo}: {Action} failed; trying again in {Interval}", Identity.Id, action.Method.Name, interval);
            }
        }
    }

    private async Task Quietly(Func<Task> action)
    {
        try { await action(); }
        catch (Exception e) { _logger.LogWarning(e, "Silo {Silo} could not update the device registry while stopping", Identity.Id); }
    }
}
