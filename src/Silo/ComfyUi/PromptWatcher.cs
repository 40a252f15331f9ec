using System.Text.Json.Nodes;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// Submits a job's prompts and follows each to its end over one socket, reconnecting when the
/// socket drops. After a drop, or when the socket stays silent for
/// <see cref="ComfyUiOptions.ReconcileInterval"/>, it asks <c>/queue</c> and <c>/history</c> where
/// the prompt is instead of guessing: a prompt still queued or running is waited for, never
/// submitted again.
/// </summary>
internal sealed class PromptWatcher(ComfyUiClient client, ComfyUiOptions options, ILogger logger, string deviceName, Guid jobId, string clientId) : IAsyncDisposable
{
    private ComfyUiSocket? socket;
    private int reconnects;

    /// <summary>
    /// Opens the socket the prompt's messages will come on, ahead of the prompt while the device is still
    /// busy; a socket that dropped while it waited is opened again before anything is submitted.
    /// </summary>
    public async Task ConnectAsync(CancellationToken ct)
    {
        if (socket is { IsClosed: true })
        {
            await socket.DisposeAsync();
            socket = null;
        }
        socket ??= await client.ConnectAsync(clientId, ct);
    }

    /// <summary>Submits <paramref name="graph"/> as <paramref name="promptId"/> and waits for its end.</summary>
    public async Task<PromptOutcome> RunAsync(JsonObject graph, string promptId, PromptProgress progress, CancellationToken ct)
    {
        // Connect first: ComfyUI sends a prompt's messages only to the sockets open at the time.
        await ConnectAsync(ct);
        var accepted = await client.SubmitPromptAsync(graph, promptId, clientId, ct);
        logger.LogInformation("{DeviceName} queued prompt {PromptId} for job {JobId} (queue number {Number})", deviceName, promptId, jobId, accepted.Number);
        progress.Report(0, "queued");
        return await WatchAsync(promptId, progress, ct);
    }

    private async Task<PromptOutcome> WatchAsync(string promptId, PromptProgress progress, CancellationToken ct)
    {
        while (true)
        {
            var message = await socket!.ReceiveAsync(options.ReconcileInterval, ct);
            if (message is null)
            {
                if (socket.IsClosed) await ReconnectAsync(promptId, ct);
                if (await ReconcileAsync(promptId, ct) is { } settled) return settled;
                continue;
            }
            if (message.PromptId != promptId) continue;

            switch (message)
            {
                case ExecutionStartMessage:
                    progress.Report(0, "starting");
                    break;
                case ProgressMessage step:
                    progress.On(step);
                    break;
                case ExecutionErrorMessage error:
                    return PromptOutcome.Failed(error);
                case ExecutionInterruptedMessage:
                    return PromptOutcome.Interrupted;
                case ExecutingMessage { IsPromptDone: true }:
                    // ComfyUI writes the history entry before it sends this, so the entry is there now.
                    if (await ReconcileAsync(promptId, ct) is { } done) return done;
                    break;
            }
        }
    }

    /// <summary>Where the prompt is: <see langword="null"/> while queued or running, else how it ended (or that it was lost).</summary>
    private async Task<PromptOutcome?> ReconcileAsync(string promptId, CancellationToken ct)
    {
        // Queue first, then history: ComfyUI moves a finished prompt from one to the other in a
        // single step, so in this order a prompt that finishes between the two calls is still found.
        if ((await client.GetQueueAsync(ct)).Contains(promptId)) return null;
        if (await client.GetHistoryAsync(promptId, ct) is { } entry) return PromptOutcome.From(entry);

        logger.LogWarning("{DeviceName}: ComfyUI has prompt {PromptId} of job {JobId} neither queued nor in its history; it restarted",
            deviceName, promptId, jobId);
        return PromptOutcome.Lost;
    }

    private async Task ReconnectAsync(string promptId, CancellationToken ct)
    {
        if (++reconnects > options.MaxReconnects)
        {
            throw new GenerationException(FailureCause.Transient,
                $"The connection to ComfyUI at {client.BaseAddress} dropped {options.MaxReconnects + 1} times during one job.");
        }
        logger.LogWarning("{DeviceName}: the ComfyUI socket closed while prompt {PromptId} of job {JobId} was out; reconnecting",
            deviceName, promptId, jobId);
        // Close the old socket before opening one with the same client id, or the two would share the prompt's messages.
        await socket!.DisposeAsync();
        socket = null;
        socket = await client.ConnectAsync(clientId, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (socket is not null) await socket.DisposeAsync();
    }
}
