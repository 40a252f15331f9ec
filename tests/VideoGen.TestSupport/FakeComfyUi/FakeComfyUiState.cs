using System.Text.Json.Nodes;

namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>The fake's queue, history, knobs and recordings, all behind one lock.</summary>
internal sealed class FakeComfyUiState
{
    private readonly Lock gate = new();
    private readonly List<FakeJob> pending = [];
    private readonly Dictionary<string, JsonObject> history = new(StringComparer.Ordinal);
    private readonly Queue<FakeFailure> failures = new();
    private readonly List<(string PathPrefix, int Status, bool AfterHandling)> injectedErrors = [];
    private readonly List<FakePrompt> prompts = [];
    private readonly List<FakeRequest> requests = [];
    private readonly List<FakeInterrupt> interrupts = [];
    private readonly List<string> queueDeletes = [];
    private readonly List<FakeFree> frees = [];
    private readonly List<FakeUpload> uploads = [];
    private readonly List<string> errors = [];
    private readonly List<FakeExecution> executions = [];
    private DateTimeOffset runningSince;
    private FakeJob? running;
    private long nextNumber;
    private int executing;
    private int maxExecuting;
    private int mostOfOneKind;
    private int restarts;
    private bool dropSocketDuringNextJob;
    private bool restartDuringNextJob;
    private TimeSpan jobDuration = TimeSpan.FromMilliseconds(40);
    private int progressSteps = 4;
    private TimeSpan historyDelay = TimeSpan.FromMilliseconds(5);
    private TimeSpan downloadDelay = TimeSpan.Zero;
    private int? fragmentSize;
    private bool sendPreviews = true;
    private int originHeaders;

    public TimeSpan JobDuration { get { lock (gate) return jobDuration; } set { lock (gate) jobDuration = value; } }
    public int ProgressSteps { get { lock (gate) return progressSteps; } set { lock (gate) progressSteps = Math.Max(1, value); } }
    public TimeSpan HistoryDelay { get { lock (gate) return historyDelay; } set { lock (gate) historyDelay = value; } }
    public TimeSpan DownloadDelay { get { lock (gate) return downloadDelay; } set { lock (gate) downloadDelay = value; } }
    public int? FragmentSize { get { lock (gate) return fragmentSize; } set { lock (gate) fragmentSize = value is > 0 ? value : null; } }
    public bool SendPreviews { get { lock (gate) return sendPreviews; } set { lock (gate) sendPreviews = value; } }

    public FakeJob Enqueue(string promptId, string? clientId, JsonObject graph, IReadOnlyList<string> outputNodes, bool savesVideo, DateTimeOffset receivedAt)
    {
        lock (gate)
        {
            var prompt = new FakePrompt(promptId, clientId, nextNumber++, (JsonObject)graph.DeepClone(), receivedAt);
            prompts.Add(prompt);
            var job = new FakeJob(prompt, outputNodes, savesVideo);
            var sameKind = pending.Append(running).Count(j => j is not null && j.SavesVideo == job.SavesVideo);
            mostOfOneKind = Math.Max(mostOfOneKind, sameKind + 1);
            pending.Add(job);
            return job;
        }
    }

    public bool TryStartNext(out FakeJob job)
    {
        lock (gate)
        {
            job = null!;
            if (running is not null || pending.Count == 0) return false;
            job = pending.MinBy(j => j.Prompt.Number)!;
            pending.Remove(job);
            running = job;
            runningSince = DateTimeOffset.UtcNow;
            maxExecuting = Math.Max(maxExecuting, ++executing);
            return true;
        }
    }

    /// <summary>Moves a finished job from the queue into the history in one step, as ComfyUI's <c>task_done</c> does; false if a restart lost it.</summary>
    public bool Complete(FakeJob job, JsonObject entry)
    {
        lock (gate)
        {
            if (job.Abandoned) return false;
            history[job.PromptId] = entry;
            if (running == job) running = null;
            return true;
        }
    }

    public void EndExecution(FakeJob job)
    {
        lock (gate)
        {
            executions.Add(new FakeExecution(job.PromptId, runningSince, DateTimeOffset.UtcNow));
            executing--;
            if (running == job) running = null;
        }
    }

    public FakeInterrupt Interrupt(string? promptId)
    {
        lock (gate)
        {
            var hit = running is not null && (promptId is null || running.PromptId == promptId);
            if (hit)
            {
                running!.Interrupted = true;
                running.Stop.Cancel();
            }
            var interrupt = new FakeInterrupt(promptId, hit, DateTimeOffset.UtcNow);
            interrupts.Add(interrupt);
            return interrupt;
        }
    }

    public void DeleteFromQueue(IReadOnlyCollection<string> promptIds)
    {
        lock (gate)
        {
            queueDeletes.AddRange(promptIds);
            pending.RemoveAll(j => promptIds.Contains(j.PromptId));
        }
    }

    public void ClearQueue()
    {
        lock (gate) pending.Clear();
    }

    public JsonObject QueueBody()
    {
        lock (gate)
        {
            // ComfyUI lists waiting prompts in heap order, not queue order: clients must sort.
            var waiting = pending.OrderByDescending(j => j.Prompt.Number).Select(j => (JsonNode)j.QueueRow()).ToArray();
            var runningRows = running is null ? [] : new JsonNode[] { running.QueueRow() };
            return new JsonObject { ["queue_running"] = new JsonArray(runningRows), ["queue_pending"] = new JsonArray(waiting) };
        }
    }

    public int QueueRemaining
    {
        get { lock (gate) return pending.Count + (running is null ? 0 : 1); }
    }

    public JsonObject HistoryBody(string? promptId)
    {
        lock (gate)
        {
            var body = new JsonObject();
            foreach (var (id, entry) in history)
            {
                if (promptId is null || id == promptId) body[id] = entry.DeepClone();
            }
            return body;
        }
    }

    public void ChangeHistory(bool clear, IReadOnlyCollection<string> delete)
    {
        lock (gate)
        {
            if (clear) history.Clear();
            foreach (var id in delete) history.Remove(id);
        }
    }

    /// <summary>What a ComfyUI restart loses: the queue, the running prompt and the history.</summary>
    public void Restart()
    {
        lock (gate)
        {
            restarts++;
            pending.Clear();
            history.Clear();
            if (running is not null)
            {
                running.Abandoned = true;
                running.Stop.Cancel();
                running = null;
            }
        }
    }

    public void FailNextPrompts(int count, FakeFailure failure)
    {
        lock (gate) for (var i = 0; i < count; i++) failures.Enqueue(failure);
    }

    public FakeFailure? TakeFailure()
    {
        lock (gate) return failures.TryDequeue(out var failure) ? failure : null;
    }

    public void FailNextRequests(string pathPrefix, int count, int status, bool afterHandling)
    {
        lock (gate) for (var i = 0; i < count; i++) injectedErrors.Add((pathPrefix, status, afterHandling));
    }

    public void StopFailingRequests(string pathPrefix)
    {
        lock (gate) injectedErrors.RemoveAll(e => e.PathPrefix == pathPrefix);
    }

    public (int Status, bool AfterHandling)? TakeInjectedError(string path)
    {
        lock (gate)
        {
            var index = injectedErrors.FindIndex(e => path.StartsWith(e.PathPrefix, StringComparison.Ordinal));
            if (index < 0) return null;
            var (_, status, afterHandling) = injectedErrors[index];
            injectedErrors.RemoveAt(index);
            return (status, afterHandling);
        }
    }

    public void DropSocketDuringNextJob()
    {
        lock (gate) dropSocketDuringNextJob = true;
    }

    public void RestartDuringNextJob()
    {
        lock (gate) restartDuringNextJob = true;
    }

    public (bool DropSocket, bool Restart) TakeMidJobFaults()
    {
        lock (gate)
        {
            var faults = (dropSocketDuringNextJob, restartDuringNextJob);
            dropSocketDuringNextJob = restartDuringNextJob = false;
            return faults;
        }
    }

    public void Record(FakeRequest request) { lock (gate) requests.Add(request); }
    public void Record(FakeFree free) { lock (gate) frees.Add(free); }
    public void Record(FakeUpload upload) { lock (gate) uploads.Add(upload); }
    public void RecordError(string error) { lock (gate) errors.Add(error); }
    public void RecordOriginHeader() { lock (gate) originHeaders++; }

    public IReadOnlyList<FakePrompt> Prompts { get { lock (gate) return prompts.ToList(); } }
    public IReadOnlyList<FakeRequest> Requests { get { lock (gate) return requests.ToList(); } }
    public IReadOnlyList<FakeInterrupt> Interrupts { get { lock (gate) return interrupts.ToList(); } }
    public IReadOnlyList<string> QueueDeletes { get { lock (gate) return queueDeletes.ToList(); } }
    public IReadOnlyList<FakeFree> Frees { get { lock (gate) return frees.ToList(); } }
    public IReadOnlyList<FakeUpload> Uploads { get { lock (gate) return uploads.ToList(); } }
    public IReadOnlyList<string> Errors { get { lock (gate) return errors.ToList(); } }
    public IReadOnlyList<FakeExecution> Executions { get { lock (gate) return executions.ToList(); } }
    public int MaxExecuting { get { lock (gate) return maxExecuting; } }
    public int MostOfOneKind { get { lock (gate) return mostOfOneKind; } }
    public int Restarts { get { lock (gate) return restarts; } }
    public int OriginHeaders { get { lock (gate) return originHeaders; } }
    public string? RunningPromptId { get { lock (gate) return running?.PromptId; } }
    public IReadOnlyList<string> PendingPromptIds { get { lock (gate) return pending.OrderBy(j => j.Prompt.Number).Select(j => j.PromptId).ToList(); } }
}
