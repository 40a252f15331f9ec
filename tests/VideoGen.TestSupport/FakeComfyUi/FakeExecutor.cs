using System.Text;
using System.Text.Json.Nodes;

namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>
/// Runs the queue one prompt at a time and speaks the real message order: execution_start →
/// execution_cached → (executing, progress, progress_state, executed)* → execution_success |
/// execution_error | execution_interrupted → history written → status → executing{node:null}.
/// </summary>
internal sealed class FakeExecutor(FakeComfyUiState state, FakeSockets sockets, FakeFiles files, FakeNodeCatalog catalog) : IAsyncDisposable
{
    private readonly SemaphoreSlim wake = new(0);
    private readonly CancellationTokenSource stop = new();
    private Dictionary<string, string> lastInputs = [];
    private Task loop = Task.CompletedTask;

    public void Start() => loop = Task.Run(RunAsync);

    /// <summary>Tells the executor the queue changed.</summary>
    public void Wake() => wake.Release();

    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                await wake.WaitAsync(stop.Token);
                while (state.TryStartNext(out var job))
                {
                    try
                    {
                        await ExecuteAsync(job);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
                    {
                        state.RecordError($"prompt {job.PromptId}: {e}");
                    }
                    finally
                    {
                        state.EndExecution(job);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task ExecuteAsync(FakeJob job)
    {
        var client = job.Prompt.ClientId;
        var messages = new JsonArray();
        async Task Send(string type, JsonObject data, bool keep = false)
        {
            data["prompt_id"] = job.PromptId;
            if (keep) messages.Add(new JsonArray(type, data.DeepClone()));
            await sockets.SendAsync(client, type, data);
        }

        await Send("execution_start", new JsonObject { ["timestamp"] = Now() }, keep: true);
        var order = FakeGraph.Order(job.Graph);
        // Like ComfyUI's cache: a node is reused when it and everything it takes links from are unchanged since the last run.
        var cached = new List<string>();
        foreach (var id in order)
        {
            if (NodeType(job.Graph, id)?.IsOutput == false && lastInputs.TryGetValue(id, out var inputs) && inputs == Fingerprint(job.Graph, id)
                && FakeGraph.Sources(job.Graph, id).All(cached.Contains))
            {
                cached.Add(id);
            }
        }
        var executed = new List<string>(cached);
        await Send("execution_cached", new JsonObject { ["nodes"] = new JsonArray(cached.Select(id => (JsonNode)id).ToArray()), ["timestamp"] = Now() }, keep: true);

        var failure = state.TakeFailure();
        var (dropSocket, restart) = state.TakeMidJobFaults();
        var steps = state.ProgressSteps;
        var samplers = order.Count(id => NodeType(job.Graph, id)?.Samples == true);
        var stepDelay = state.JobDuration / Math.Max(1, samplers * steps);
        var midpoint = Math.Max(1, samplers * steps / 2);
        var stepsDone = 0;
        var outputs = new JsonObject();
        string? failedNode = null;

        foreach (var id in order.Except(cached))
        {
            if (job.Stop.IsCancellationRequested) break;
            var classType = job.Graph[id]!["class_type"]!.GetValue<string>();
            var type = catalog.Find(classType)!;
            await Send("executing", new JsonObject { ["node"] = id, ["display_node"] = id });
            if (type.Samples)
            {
                if (failure is not null)
                {
                    failedNode = id;
                    break;
                }
                for (var step = 1; step <= steps && !job.Stop.IsCancellationRequested; step++)
                {
                    try
                    {
                        await Task.Delay(stepDelay, job.Stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                    await Send("progress", new JsonObject { ["value"] = step, ["max"] = steps, ["node"] = id });
                    await Send("progress_state", new JsonObject { ["nodes"] = new JsonObject { [id] = NodeState(job, id, step, steps) } });
                    if (state.SendPreviews) await sockets.SendPreviewAsync(client);
                    if (++stepsDone != midpoint) continue;
                    if (dropSocket) sockets.Drop(client);
                    if (restart)
                    {
                        state.Restart();
                        sockets.DropAll();
                    }
                }
            }
            if (job.Stop.IsCancellationRequested) break;
            if (type.IsOutput && Save(job.Graph, id, type.Output) is { } output)
            {
                outputs[id] = output;
                await Send("executed", new JsonObject { ["node"] = id, ["display_node"] = id, ["output"] = output.DeepClone() });
            }
            executed.Add(id);
        }

        // A restart loses the running prompt (no more messages, no history) and the loaded models.
        lastInputs = job.Abandoned ? [] : executed.ToDictionary(id => id, id => Fingerprint(job.Graph, id));
        if (job.Abandoned) return;

        string statusText;
        if (failedNode is not null)
        {
            statusText = "error";
            await Send("execution_error", ErrorData(job.Graph, failedNode, failure!.Value), keep: true);
        }
        else if (job.Interrupted)
        {
            statusText = "error";
            var node = order.FirstOrDefault(id => NodeType(job.Graph, id)?.Samples == true) ?? order[0];
            await Send("execution_interrupted", new JsonObject
            {
                ["node_id"] = node, ["node_type"] = job.Graph[node]!["class_type"]!.GetValue<string>(), ["executed"] = new JsonArray(), ["timestamp"] = Now(),
            }, keep: true);
        }
        else
        {
            statusText = "success";
            await Send("execution_success", new JsonObject { ["timestamp"] = Now() }, keep: true);
        }

        // ComfyUI writes the history only after execution_success has gone out.
        await Task.Delay(state.HistoryDelay);
        var entry = new JsonObject
        {
            ["prompt"] = job.QueueRow(),
            ["outputs"] = outputs,
            ["status"] = new JsonObject { ["status_str"] = statusText, ["completed"] = statusText == "success", ["messages"] = messages },
            ["meta"] = new JsonObject(),
        };
        if (!state.Complete(job, entry)) return;
        await sockets.BroadcastAsync("status", sockets.Status());
        await sockets.SendAsync(client, "executing", new JsonObject { ["node"] = null, ["display_node"] = null, ["prompt_id"] = job.PromptId });
    }

    private JsonObject? Save(JsonObject graph, string id, FakeOutputKind kind)
    {
        var prefix = graph[id]!["inputs"]?["filename_prefix"]?.ToString() ?? "ComfyUI";
        var video = Encoding.ASCII.GetBytes("\0\0\0\u0018ftypmp42fake video for tests");
        return kind switch
        {
            FakeOutputKind.Image => new JsonObject { ["images"] = new JsonArray(files.Save("output", prefix, ".png", FakePng.Create())) },
            FakeOutputKind.Preview => new JsonObject { ["images"] = new JsonArray(files.Save("temp", "ComfyUI_temp", ".png", FakePng.Create())) },
            FakeOutputKind.Video => new JsonObject { ["images"] = new JsonArray(files.Save("output", prefix, ".mp4", video)), ["animated"] = new JsonArray(true) },
            FakeOutputKind.AnimatedWebp => new JsonObject { ["images"] = new JsonArray(files.Save("output", prefix, ".webp", video)), ["animated"] = new JsonArray(true) },
            FakeOutputKind.VideoHelperSuite => VideoHelperSuiteOutput(files.Save("output", prefix, ".mp4", video)),
            _ => null,
        };
    }

    private static JsonObject VideoHelperSuiteOutput(JsonObject file)
    {
        file["format"] = "video/h264-mp4";
        file["frame_rate"] = 16;
        return new JsonObject { ["gifs"] = new JsonArray(file) };
    }

    private static JsonObject ErrorData(JsonObject graph, string node, FakeFailure failure)
    {
        var (type, message) = failure == FakeFailure.OutOfMemory
            ? ("torch.OutOfMemoryError", "Allocation on device 0 would exceed allowed memory. (out of memory)\nCurrently allocated     : 22.51 GiB")
            : ("RuntimeError", "mat1 and mat2 shapes cannot be multiplied (154x2048 and 768x320)");
        return new JsonObject
        {
            ["node_id"] = node,
            ["node_type"] = graph[node]!["class_type"]!.GetValue<string>(),
            ["executed"] = new JsonArray(),
            ["exception_message"] = message,
            ["exception_type"] = type,
            ["traceback"] = new JsonArray("  File \"execution.py\", line 496, in execute\n", "  File \"nodes.py\", line 1525, in sample\n"),
            ["current_inputs"] = new JsonObject(),
            ["current_outputs"] = new JsonObject(),
            ["timestamp"] = Now(),
        };
    }

    private static JsonObject NodeState(FakeJob job, string id, int step, int steps) => new()
    {
        ["value"] = step, ["max"] = steps, ["state"] = step == steps ? "finished" : "running",
        ["node_id"] = id, ["prompt_id"] = job.PromptId, ["display_node_id"] = id, ["parent_node_id"] = null, ["real_node_id"] = id,
    };

    private FakeNodeType? NodeType(JsonObject graph, string id) => catalog.Find(graph[id]!["class_type"]!.GetValue<string>());

    private static string Fingerprint(JsonObject graph, string id) => graph[id]!.ToJsonString();

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
        wake.Dispose();
    }
}
