using Microsoft.Extensions.Options;
using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// One lane (image or video) of a ComfyUI device: fills the lane's <see cref="WorkflowTemplate"/>,
/// submits it, follows it over the socket and downloads the result. Create one per device lane
/// with <see cref="ComfyUiBackendFactory.Create"/>.
/// </summary>
/// <remarks>
/// Failures by cause: a refused workflow (HTTP 400) or a node error is
/// <see cref="FailureCause.Rejected"/> at once; out of memory frees ComfyUI's memory and tries once
/// more, then is <see cref="FailureCause.OutOfMemory"/>; a server that restarted and lost the
/// prompt gets it again (at most <see cref="ComfyUiOptions.MaxResubmits"/> times); exhausted
/// network retries are <see cref="FailureCause.Transient"/>. Cancelling stops the prompt on the
/// server (<c>/queue</c> delete while waiting, <c>/interrupt</c> while running) before throwing
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class ComfyUiBackend : IDeviceBackend
{
    private readonly ComfyUiClient client;
    private readonly ComfyUiOptions options;
    private readonly ILogger<ComfyUiBackend> logger;

    public ComfyUiBackend(string deviceName, ComfyUiClient client, WorkflowTemplate template, IOptions<ComfyUiOptions> options, ILogger<ComfyUiBackend> logger)
    {
        DeviceName = deviceName;
        Template = template;
        this.client = client;
        this.options = options.Value;
        this.logger = logger;
    }

    public string DeviceName { get; }

    /// <summary>The workflow this lane runs; its <see cref="WorkflowTemplate.Kind"/> is the only kind of work it accepts.</summary>
    public WorkflowTemplate Template { get; }

    /// <summary>The server this lane talks to.</summary>
    public Uri ServerAddress => client.BaseAddress;

    /// <summary>
    /// How this lane's prompts begin their client id, followed by one id per job (a socket's id must be
    /// its own): ComfyUI's queue then tells which prompts this lane left behind.
    /// </summary>
    public string ClientPrefix => $"videogen.{DeviceName}.{Template.Kind.ToString().ToLowerInvariant()}.";

    /// <inheritdoc />
    public Task<LaneOutput> RunAsync(LaneWork work, IProgress<LaneProgress> progress, CancellationToken ct) =>
        RunAsync(work, progress, DeviceTurn.Alone, ct);

    /// <inheritdoc />
    /// <remarks>The start image's upload, the graph and the socket are ready before the turn; the output is downloaded after it.</remarks>
    public bool PreparesAhead => true;

    /// <inheritdoc />
    public async Task<LaneOutput> RunAsync(LaneWork work, IProgress<LaneProgress> progress, DeviceTurn turn, CancellationToken ct)
    {
        if (work.Kind != Template.Kind)
        {
            throw new GenerationException(FailureCause.Rejected, $"Device {DeviceName}'s {Template.Kind} lane cannot make {work.Kind} work.");
        }
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["DeviceName"] = DeviceName, ["JobId"] = work.JobId });
        await using var watcher = new PromptWatcher(client, options, logger, DeviceName, work.JobId, ClientPrefix + Guid.NewGuid().ToString("N"));
        string? promptId = null;
        try
        {
            var graph = Template.Fill(await InputsAsync(work, ct));
            await watcher.ConnectAsync(ct);
            await turn.WaitAsync(ct);
            var freedMemory = false;
            var resubmits = 0;
            promptId = ComfyUiClient.NewPromptId();
            while (true)
            {
                var outcome = await watcher.RunAsync(graph, promptId, new PromptProgress(Template.SamplerNodeIds, progress), ct);
                switch (outcome.Kind)
                {
                    case PromptOutcomeKind.Succeeded:
                        // The GPU is done with it: the lane's next prompt may go while this output downloads.
                        turn.Leave();
                        return await SaveOutputAsync(outcome.History!, promptId, work, progress, ct) with
                        {
                            WorkflowName = Path.GetFileName(Template.Source),
                            WorkflowHash = WorkflowHash.Of(graph),
                        };

                    case PromptOutcomeKind.Failed when outcome.Error!.IsOutOfMemory && !freedMemory:
                        logger.LogWarning("{DeviceName} ran out of memory on prompt {PromptId} of job {JobId}; freeing memory and trying once more",
                            DeviceName, promptId, work.JobId);
                        await client.FreeMemoryAsync(ct);
                        freedMemory = true;
                        // A fresh id: the failed prompt keeps its own entry in ComfyUI's history.
                        promptId = ComfyUiClient.NewPromptId();
                        break;

                    case PromptOutcomeKind.Failed when outcome.Error!.IsOutOfMemory:
                        throw new GenerationException(FailureCause.OutOfMemory,
                            FailureText.Compose($"{DeviceName} ran out of GPU memory even after freeing it.", outcome.Error.Describe()));

                    case PromptOutcomeKind.Failed:
                        throw new GenerationException(FailureCause.Rejected, FailureText.Compose("ComfyUI could not run the workflow.", outcome.Error!.Describe()));

                    case PromptOutcomeKind.Interrupted:
                        throw new GenerationException(FailureCause.Transient,
                            $"Prompt {promptId} was interrupted on ComfyUI at {client.BaseAddress} by someone else.");

                    case PromptOutcomeKind.Lost when resubmits < options.MaxResubmits:
                        resubmits++;
                        logger.LogWarning("{DeviceName} submits prompt {PromptId} of job {JobId} again ({Resubmit} of {MaxResubmits})",
                            DeviceName, promptId, work.JobId, resubmits, options.MaxResubmits);
                        break;

                    default:
                        throw new GenerationException(FailureCause.Transient,
                            $"ComfyUI at {client.BaseAddress} lost prompt {promptId} {resubmits + 1} times (it keeps restarting).");
                }
            }
        }
        catch (OperationCanceledException e) when (ct.IsCancellationRequested)
        {
            if (promptId is not null) await StopPromptAsync(promptId, work.JobId, "the job was cancelled");
            throw new OperationCanceledException($"Job {work.JobId} was cancelled.", e, ct);
        }
        catch (GenerationException e) when (e.Cause == FailureCause.Transient && promptId is not null)
        {
            // The prompt may still be running even though we lost track of it; the job engine will
            // try again with a new prompt, so this one must not stay behind and hold the GPU.
            await StopPromptAsync(promptId, work.JobId, e.Message);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<string?> HealthProblemAsync(CancellationToken ct)
    {
        try
        {
            await client.GetSystemStatsAsync(ct, retry: false);
            return null;
        }
        catch (GenerationException e)
        {
            return e.Message;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The prompts in ComfyUI's queue that carry this lane's <see cref="ClientPrefix"/>: waiting ones
    /// are deleted first (so none starts when the running one stops), then the running one is
    /// interrupted and waited for, within <see cref="ComfyUiOptions.CancelTimeout"/>.
    /// </remarks>
    public async Task<int> StopLeftoversAsync(CancellationToken ct)
    {
        var queue = await client.GetQueueAsync(ct);
        var waiting = queue.Pending.Where(id => queue.SubmittedBy(id, ClientPrefix)).ToArray();
        var running = queue.Running.Where(id => queue.SubmittedBy(id, ClientPrefix)).ToArray();
        if (waiting.Length + running.Length == 0) return 0;
        logger.LogWarning("{DeviceName}'s {Kind} lane stops {Count} prompts an earlier run of its silo left at ComfyUI {Server}: {PromptIds}",
            DeviceName, Template.Kind, waiting.Length + running.Length, client.BaseAddress, string.Join(", ", [.. running, .. waiting]));
        foreach (var id in waiting) await client.DeleteFromQueueAsync(id, ct);
        foreach (var id in running) await client.InterruptAsync(id, ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.CancelTimeout);
        try
        {
            while (running.Any((await client.GetQueueAsync(limit.Token)).IsRunning)) await Task.Delay(50, limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("{DeviceName}: the interrupted prompts {PromptIds} still ran after {CancelTimeout}", DeviceName, string.Join(", ", running), options.CancelTimeout);
        }
        return waiting.Length + running.Length;
    }

    private async Task<WorkflowInputs> InputsAsync(LaneWork work, CancellationToken ct)
    {
        int? length = null;
        string? startImage = null;
        if (work.Kind == JobKind.Video)
        {
            if (work.StartImagePath is not { Length: > 0 } path || !File.Exists(path))
            {
                throw new GenerationException(FailureCause.Rejected, $"A clip needs its start image, and '{work.StartImagePath}' does not exist.");
            }
            try
            {
                length = ClipLength.Frames(work.ClipSeconds, Template.Fps!.Value, work.MaxFrames);
            }
            catch (DomainException e)
            {
                throw new GenerationException(FailureCause.Rejected, e.Message, e);
            }
            var uploaded = await client.UploadImageAsync(path, ct);
            startImage = uploaded.LoadImageValue;
            logger.LogInformation("{DeviceName} uploaded the start image of job {JobId} as {UploadedName}", DeviceName, work.JobId, startImage);
        }
        return new WorkflowInputs
        {
            Positive = work.Prompt,
            Negative = work.NegativePrompt,
            Seed = unchecked((ulong)work.Seed),
            Width = work.Width,
            Height = work.Height,
            Length = length,
            StartImage = startImage,
            FilenamePrefix = $"videogen/{work.JobId:N}",
        };
    }

    private async Task<LaneOutput> SaveOutputAsync(HistoryEntry history, string promptId, LaneWork work, IProgress<LaneProgress> progress, CancellationToken ct)
    {
        var file = OutputLocator.Find(history, work.Kind);
        var target = Path.Combine(work.OutputDirectory, work.OutputName + Path.GetExtension(file.Filename).ToLowerInvariant());
        // Download beside the target and move it in place, so a failed download never replaces a good file.
        var partial = Path.Combine(work.OutputDirectory, $".{work.OutputName}.{Guid.NewGuid():N}.part");
        progress.Report(new LaneProgress(1, "downloading"));
        try
        {
            await client.DownloadAsync(file, partial, ct);
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
        logger.LogInformation("{DeviceName} saved {OutputFile} of prompt {PromptId} for job {JobId} as {OutputPath}",
            DeviceName, file.Filename, promptId, work.JobId, target);
        return new LaneOutput(target);
    }

    private async Task StopPromptAsync(string promptId, Guid jobId, string reason)
    {
        using var limit = new CancellationTokenSource(options.CancelTimeout);
        try
        {
            var queue = await TryGetQueueAsync(limit.Token);
            if (queue is null || queue.IsPending(promptId))
            {
                await client.DeleteFromQueueAsync(promptId, limit.Token);
                // It may have started between the two calls; then only an interrupt stops it.
                queue = await TryGetQueueAsync(limit.Token);
            }
            if (queue is null || queue.IsRunning(promptId)) await client.InterruptAsync(promptId, limit.Token);
            logger.LogInformation("{DeviceName} stopped prompt {PromptId} of job {JobId}: {Reason}", DeviceName, promptId, jobId, reason);
        }
        catch (Exception e) when (e is GenerationException or OperationCanceledException)
        {
            logger.LogWarning(e, "{DeviceName} could not stop prompt {PromptId} of job {JobId} within {CancelTimeout} ({Reason})",
                DeviceName, promptId, jobId, options.CancelTimeout, reason);
        }
    }

    private async Task<ComfyUiQueue?> TryGetQueueAsync(CancellationToken ct)
    {
        try
        {
            return await client.GetQueueAsync(ct);
        }
        catch (GenerationException)
        {
            return null;
        }
    }
}
