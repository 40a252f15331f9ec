using System.Data.Common;
using Microsoft.Extensions.Logging;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.Lanes;

/// <summary>
/// One lane of one device: claims a job when the silo holds the device and its backend answers,
/// runs it on the backend while renewing its lease, and records how it ended. The device runs one
/// job of the lane at a time, by construction here and by a unique index in the store. A backend
/// that prepares ahead (ComfyUI) keeps its GPU busy: while one job computes, the lane has claimed
/// the next and the backend prepared it, and the job before stores its output while the next
/// computes (<see cref="LaneTurn"/>). An idle lane waits for its device grain to wake it
/// (<see cref="Wake"/>), or for its slow poll.
/// </summary>
internal sealed class LaneWorker(SiloRuntime silo, DeviceSpec spec, Lane lane, IDeviceBackend backend, ILogger logger)
{
    private static readonly TimeSpan StoreRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxStoreRetryDelay = TimeSpan.FromSeconds(2);
    private readonly Lock _gate = new();
    private readonly LaneWake _wake = new();
    private readonly List<HeldJob> _held = [];
    private bool _leftoversStopped;

    public string DeviceName => spec.Device.Name;
    public Lane Lane => lane;

    /// <summary>The job on the device now, if any.</summary>
    public Guid? RunningJobId
    {
        get { lock (_gate) return _held.FirstOrDefault(j => j.Turn.IsOnDevice)?.JobId; }
    }

    /// <summary>Every job this lane holds a claim on: on the device, next in line, or storing its output.</summary>
    public IReadOnlyList<Guid> HeldJobIds
    {
        get { lock (_gate) return _held.Select(j => j.JobId).ToArray(); }
    }

    /// <summary>Work may be waiting for this lane: if it is idle, it looks now rather than at its next poll.</summary>
    public void Wake() => _wake.Ring();

    /// <summary>Asks a job of this lane to stop because a creator cancelled it; false when this lane does not hold it.</summary>
    public bool RequestCancel(Guid jobId) => Stop(jobId, StopReason.Cancelled);

    /// <summary>Stops every job this lane holds, because the silo shuts down.</summary>
    public void StopRunning(StopReason reason)
    {
        foreach (var jobId in HeldJobIds) Stop(jobId, reason);
    }

    public async Task RunAsync(CancellationToken stopClaiming, CancellationToken kill)
    {
        var jobs = new List<Task>();
        LaneTurn? last = null;
        while (!stopClaiming.IsCancellationRequested)
        {
            try
            {
                jobs.RemoveAll(j => j.IsCompleted);
                var woken = _wake.Next();
                // One job waits for the device at most: the next is claimed once the last one taken has it.
                if (last is { IsSettled: false })
                {
                    await Task.WhenAny(last.Settled, Task.Delay(silo.Timings.IdlePoll, stopClaiming));
                    continue;
                }
                var mayClaim = silo.Holds(DeviceName) && silo.Answers(DeviceName) && !stopClaiming.IsCancellationRequested;
                // Whatever an earlier run of this silo left on the device goes before the first claim,
                // and again whenever the device comes back to this silo.
                if (!silo.Holds(DeviceName)) _leftoversStopped = false;
                if (mayClaim && !_leftoversStopped)
                {
                    await backend.StopLeftoversAsync(stopClaiming);
                    _leftoversStopped = true;
                }
                // While a job is on the device, the claim is its next one, prepared as the device computes.
                var ahead = last is { HasLeft: false } ? last : null;
                // A claim is not cancelled half way: a drain cancelling it after the commit would
                // leave a job claimed by nobody until its lease ran out.
                var claimed = !mayClaim ? null
                    : ahead is null ? await silo.Queue.ClaimAsync(DeviceName, lane, silo.Identity.Id, CancellationToken.None)
                    : await silo.Queue.ClaimNextAsync(DeviceName, lane, silo.Identity.Id, CancellationToken.None);
                if (claimed is null)
                {
                    await Task.WhenAny(woken, Task.Delay(silo.Timings.IdlePoll, stopClaiming));
                    continue;
                }
                last = TurnFor(claimed, ahead, kill);
                var job = RunJobAsync(claimed, last, kill);
                jobs.Add(job);
                if (!backend.PreparesAhead) await job;
            }
            catch (Exception e) when (!stopClaiming.IsCancellationRequested && !kill.IsCancellationRequested)
            {
                logger.LogError(e, "Lane {Lane} of {DeviceName} failed; backing off", lane, DeviceName);
                await SiloRuntime.PauseAsync(silo.Timings.IdlePoll, kill);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the loop condition ends it.
            }
        }
        // A stopping silo starts nothing new: a job still waiting for the device goes back to the queue now.
        if (!kill.IsCancellationRequested)
            lock (_gate)
                foreach (var held in _held.Where(j => !j.Turn.IsSettled).ToArray()) StopHeld(held, StopReason.SiloStopping);
        await Task.WhenAll(jobs);
    }

    private LaneTurn TurnFor(ClaimedJob claimed, LaneTurn? ahead, CancellationToken kill)
    {
        var (jobId, token) = (claimed.Job.Id, claimed.Token);
        return new LaneTurn(jobId, ahead,
            takeDevice: async () => await PersistAsync(() => silo.Queue.TakeDeviceAsync(jobId, token, CancellationToken.None), jobId, kill),
            // Only a lane that claims behind a job on the device needs the store to know it left.
            leaveDevice: backend.PreparesAhead ? () => RecordLeavingAsync(jobId, token, kill) : null);
    }

    private async Task RecordLeavingAsync(Guid jobId, Guid token, CancellationToken kill)
    {
        // A killed silo writes nothing: the lease runs out and the rescue frees the lane.
        if (kill.IsCancellationRequested) return;
        try
        {
            await PersistAsync(() => silo.Queue.LeaveDeviceAsync(jobId, token, CancellationToken.None), jobId, kill);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Lane {Lane} of {DeviceName} could not record that job {JobId} left the device", lane, DeviceName, jobId);
        }
    }

    private async Task RunJobAsync(ClaimedJob claimed, LaneTurn turn, CancellationToken kill)
    {
        using var jobStop = CancellationTokenSource.CreateLinkedTokenSource(kill);
        var held = new HeldJob(turn, jobStop);
        lock (_gate) _held.Add(held);
        using var renewStop = new CancellationTokenSource();
        var renewing = RenewAsync(held, claimed.Token, renewStop.Token);
        try
        {
            var output = await RenderAsync(claimed, held, kill);
            if (output is not null && !kill.IsCancellationRequested) await StoreAsync(claimed.Job, claimed.Token, output, kill);
        }
        catch (Exception e) when (!kill.IsCancellationRequested)
        {
            logger.LogError(e, "Lane {Lane} of {DeviceName} could not finish job {JobId}; its lease will run out and it will be rescued", lane, DeviceName, claimed.Job.Id);
        }
        finally
        {
            turn.Leave();
            await renewStop.CancelAsync();
            await renewing;
            lock (_gate) _held.Remove(held);
        }
    }

    /// <summary>Runs the work on the backend: the output's stored paths, or null when the job ended otherwise (and that end is recorded).</summary>
    private async Task<JobOutput?> RenderAsync(ClaimedJob claimed, HeldJob running, CancellationToken kill)
    {
        var (job, token) = (claimed.Job, claimed.Token);
        try
        {
            logger.LogInformation("Lane {Lane} of {DeviceName} runs {Kind} job {JobId} (attempt {Attempt})", lane, DeviceName, job.Kind, job.Id, job.Attempt);
            var work = silo.Work.Build(claimed, spec);
            LaneOutput result;
            await using (var progress = new ProgressPump(
                p => silo.Queue.ReportProgressAsync(job.Id, token, p.Fraction, p.Step, CancellationToken.None),
                silo.Timings.ProgressInterval,
                e => logger.LogWarning(e, "Progress of job {JobId} was not recorded", job.Id)))
            {
                try
                {
                    result = await backend.RunAsync(work, progress, running.Turn.Backend, running.Stop.Token);
                }
                finally
                {
                    // However it ended, the device is free of it before its end is recorded.
                    running.Turn.Leave();
                }
            }
            return new JobOutput(
                silo.Media.ToRelative(result.FilePath), result.DurationSeconds,
                result.ThumbnailPath is { } thumbnail ? silo.Media.ToRelative(thumbnail) : null,
                result.SubtitlesPath is { } subtitles ? silo.Media.ToRelative(subtitles) : null,
                work.Recipe with { WorkflowName = result.WorkflowName, WorkflowHash = result.WorkflowHash });
        }
        catch (LaneTurn.ClaimLostException)
        {
            logger.LogWarning("Job {JobId} lost its claim while it waited for {DeviceName}; another silo owns it now", job.Id, DeviceName);
        }
        catch (Exception) when (running.Stop.IsCancellationRequested)
        {
            // Stopped on purpose: however the backend ended (a cancelled wait, or a tool that
            // reports being stopped as a failure), the reason for stopping decides what happens.
            await EndStoppedAsync(job, token, running.Reason, kill);
        }
        catch (GenerationException e) when (!kill.IsCancellationRequested)
        {
            if (e.Cause == FailureCause.Transient)
            {
                var delay = silo.Backoff(job.Attempt);
                logger.LogWarning(e, "Job {JobId} hit a transient fault; retrying in {Delay}", job.Id, delay);
                await PersistAsync(() => silo.Queue.RetryAsync(job.Id, token, e.Message, delay, CancellationToken.None), job.Id, kill);
            }
            else
            {
                logger.LogWarning(e, "Job {JobId} failed: {Reason}", job.Id, e.Message);
                await PersistAsync(() => silo.Queue.FailAsync(job.Id, token, e.Message, CancellationToken.None), job.Id, kill);
            }
        }
        catch (Exception e) when (!kill.IsCancellationRequested && e is not OperationCanceledException)
        {
            logger.LogError(e, "Job {JobId} failed unexpectedly", job.Id);
            await PersistAsync(() => silo.Queue.RetryAsync(job.Id, token, FailureText.Compose($"Unexpected error on {DeviceName}.", e.Message), silo.Backoff(job.Attempt), CancellationToken.None),
                job.Id, kill);
        }
        return null;
    }

    /// <summary>Stores the output on the job and its scene; the files are deleted again only when the claim was lost.</summary>
    private async Task StoreAsync(GenerationJob job, Guid token, JobOutput output, CancellationToken kill)
    {
        // Cancel racing completion: once the output is stored, completion wins; the
        // cancel only stopped the cascade (the job's "then video" was cleared).
        var completion = await PersistAsync(() => silo.Queue.CompleteAsync(job.Id, token, output, CancellationToken.None), job.Id, kill);
        if (completion is null) return;
        if (!completion.Accepted)
        {
            logger.LogWarning("Job {JobId} finished after its claim was lost; its output is discarded", job.Id);
            foreach (var file in output.Files) silo.Media.Delete(file);
            return;
        }
        // The sentence points at the new file now: only then does the old one go.
        silo.Media.Delete(completion.ReplacedFile);
        foreach (var file in completion.Discarded ?? []) silo.Media.Delete(file);
    }

    /// <summary>
    /// Records how a job ended, trying again while the store does not answer: a database that
    /// restarts or drops connections must not cost finished GPU work, nor an attempt. The lease
    /// renewal goes on meanwhile; if the store stays away past the lease, another silo rescues the
    /// job and this write is refused when it finally lands. Null when the silo is killed first.
    /// </summary>
    private async Task<T?> PersistAsync<T>(Func<Task<T>> write, Guid jobId, CancellationToken kill)
    {
        var delay = StoreRetryDelay;
        var giveUp = DateTime.UtcNow + silo.Timings.Lease * 3;
        while (true)
        {
            try
            {
                return await write();
            }
            catch (DbException e) when (!kill.IsCancellationRequested && DateTime.UtcNow < giveUp)
            {
                logger.LogWarning(e, "The store did not take the outcome of job {JobId}; trying again in {Delay}", jobId, delay);
                await SiloRuntime.PauseAsync(delay, kill);
                if (kill.IsCancellationRequested) return default;
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxStoreRetryDelay.Ticks));
            }
        }
    }

    private async Task EndStoppedAsync(GenerationJob job, Guid token, StopReason reason, CancellationToken kill)
    {
        // Killed: a crash writes nothing, whatever else asked the job to stop; its lease runs out and another silo rescues it.
        if (kill.IsCancellationRequested) return;
        switch (reason)
        {
            case StopReason.Cancelled:
                logger.LogInformation("Job {JobId} cancelled on {DeviceName}", job.Id, DeviceName);
                await PersistAsync(() => silo.Queue.ConfirmCancelledAsync(job.Id, token, CancellationToken.None), job.Id, kill);
                break;
            case StopReason.SiloStopping:
                logger.LogInformation("Silo stopping: job {JobId} goes back to the queue", job.Id);
                await PersistAsync(() => silo.Queue.ReleaseAsync(job.Id, token, $"Silo {silo.Identity.Id} stopped before the job finished", CancellationToken.None),
                    job.Id, kill);
                break;
            case StopReason.LeaseLost:
                logger.LogWarning("Job {JobId} lost its lease; another silo owns it now", job.Id);
                break;
            default:
                break;
        }
    }

    private async Task RenewAsync(HeldJob running, Guid token, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(silo.Timings.Heartbeat, stop);
                bool held;
                try { held = await silo.Queue.RenewAsync(running.JobId, token, stop); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not renew the lease of job {JobId}; trying again", running.JobId);
                    continue;
                }
                if (!held)
                {
                    Stop(running.JobId, StopReason.LeaseLost);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
        }
    }

    private bool Stop(Guid jobId, StopReason reason)
    {
        lock (_gate)
        {
            if (_held.FirstOrDefault(j => j.JobId == jobId) is not { } held) return false;
            StopHeld(held, reason);
            return true;
        }
    }

    private static void StopHeld(HeldJob held, StopReason reason)
    {
        if (held.Reason != StopReason.None) return;
        held.Reason = reason;
        held.Stop.Cancel();
    }

    private sealed class HeldJob(LaneTurn turn, CancellationTokenSource stop)
    {
        public Guid JobId => Turn.JobId;
        public LaneTurn Turn { get; } = turn;
        public CancellationTokenSource Stop { get; } = stop;
        public StopReason Reason { get; set; }
    }
}

/// <summary>Why a lane stopped its running job.</summary>
internal enum StopReason
{
    None = 0,
    Cancelled = 1,
    LeaseLost = 2,
    SiloStopping = 3,
}
