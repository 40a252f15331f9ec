using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.Web.Exports;
using VideoGen.Web.Live;

namespace VideoGen.Web.Storyboard;

/// <summary>
/// What one batch of a project's events changes on its storyboard, built once however many pages
/// follow the project: the cards and live parts of the scenes concerned and the toolbar, already
/// in the stream's form. Every open page of a project receives the same live batches within
/// moments of each other; the first to ask builds the frame (one read of the project's jobs, one
/// read per scene, one render per fragment), the others take the same text. A page far behind
/// (catching up after a reconnect) asks for a batch no other page has, and builds its own.
/// </summary>
public sealed class StoryboardFrames(
    StoryboardViews views, ISentenceStore sentences, JobReader jobs, FragmentRenderer renderer, FinalCutReader finalCuts,
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock)
{
    private const string CardPartial = "/Pages/Projects/_SentenceCard.cshtml";
    private const string LivePartial = "/Pages/Projects/_SceneLive.cshtml";
    private const string ToolbarPartial = "/Pages/Projects/_Toolbar.cshtml";
    private const string ToastPartial = "/Pages/Projects/_Toast.cshtml";
    private const string FinalCutScenesPartial = "/Pages/Shared/_FinalCutScenes.cshtml";

    /// <summary>How long a built frame is kept for other pages; pages of a project ask within milliseconds.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Key, Entry> _frames = new();
    private long _nextSweep;
    private long _built;

    /// <summary>How many frames were built since the start (each shared by every page that asked for it).</summary>
    public long Built => Interlocked.Read(ref _built);

    /// <summary>
    /// The frame of <paramref name="batch"/>. <paramref name="project"/> is the asking page's last
    /// view of the project, used for the toolbar's counters when the batch changes no sentence.
    /// <paramref name="wantToast"/> is whether the page saw a run active: only such a page shows the
    /// toast of a run's end, and only its frame pays for the toast's re-read of the project.
    /// </summary>
    public async Task<StoryboardFrame> ForBatchAsync(Project project, IReadOnlyList<StoredEvent> batch, bool wantToast, CancellationToken ct)
    {
        var key = new Key(project.Id, project.OwnerId, batch[0].Sequence, batch[^1].Sequence, batch.Count, wantToast);
        var now = clock.GetTimestamp();
        Sweep(now);
        var entry = _frames.GetOrAdd(key, static (_, state) => new Entry(new Lazy<Task<StoryboardFrame>>(() => state.Self.Start(state.Project, state.Batch, state.WantToast)), state.Now),
            (Self: this, Project: project, Batch: batch, WantToast: wantToast, Now: now));
        var frame = entry.Frame.Value;
        try
        {
            return await frame.WaitAsync(ct);
        }
        catch when (frame.IsFaulted)
        {
            // A failed build is not kept: the next page to ask tries again.
            _frames.TryRemove(new KeyValuePair<Key, Entry>(key, entry));
            throw;
        }
    }

    /// <summary>Starts a build in no page's execution context: the frame belongs to every page of the project.</summary>
    private Task<StoryboardFrame> Start(Project project, IReadOnlyList<StoredEvent> batch, bool wantToast)
    {
        using (ExecutionContext.SuppressFlow()) return Task.Run(() => BuildAsync(project, batch, wantToast));
    }

    /// <summary>
    /// Builds outside any page's request (a page may close while others wait for the frame), with
    /// a request context of its own for the partials, which read nothing of the request.
    /// </summary>
    private async Task<StoryboardFrame> BuildAsync(Project project, IReadOnlyList<StoredEvent> batch, bool wantToast)
    {
        var ct = lifetime.ApplicationStopping;
        Interlocked.Increment(ref _built);
        await using var scope = scopes.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var run = await jobs.CurrentRunAsync(project.Id, ct);
        var active = StoryboardViews.Active(run);
        var progress = ProjectProgress.Of(run);
        // The toolbar's dirty counters change only with sentences; progress events reuse the page's last read.
        // The toast of a run's end re-reads too (for pages that saw the run active, the only ones shown it):
        // the jobs read above may be ahead of this batch, and the toast must count the scenes as that read
        // left them, not as the page last saw them. An idle project's later batches read nothing more.
        var sentencesChanged = batch.Any(e => e.Name is "sentence" or "project");
        var toastDue = wantToast && !progress.Active && progress.Total > 0;
        var reread = toastDue || sentencesChanged ? await views.ProjectAsync(project.Id, project.OwnerId, ct) : null;
        var current = reread ?? project;
        var rereadSentences = reread?.Sentences.ToDictionary(s => s.Id);
        var scenes = new StringBuilder();
        // A scene's takes change only with the scene itself (a take stored, picked or deleted is a
        // change of the sentence), never with progress or a job's start: an open inspector reloads
        // its strips on these.
        var takesChanged = batch.Where(e => e.Name == "sentence").Select(e => e.EntityId).ToHashSet();
        foreach (var id in batch.Select(SentenceOf).OfType<Guid>().Distinct())
        {
            // A re-read project already holds its sentences as they are now.
            var sentence = rereadSentences is not null ? rereadSentences.GetValueOrDefault(id) : await sentences.GetAsync(id, ct);
            if (sentence is null) continue;
            var scene = StoryboardViews.Scene(sentence, active);
            scenes.Append(SseWriter.Format($"card-{id}", await renderer.RenderAsync(http, CardPartial, scene), null));
            scenes.Append(SseWriter.Format($"live-{id}", await renderer.RenderAsync(http, LivePartial, scene), null));
            if (takesChanged.Contains(id)) scenes.Append(SseWriter.Format($"takes-{id}", id.ToString(), null));
        }
        // Which scenes a final cut would show stale, failed or missing changes only with sentences, as the counters do.
        if (reread is not null)
            scenes.Append(SseWriter.Format("final-cut-scenes", await renderer.RenderAsync(http, FinalCutScenesPartial, await finalCuts.ReadAsync(reread, ct)), null));
        var toolbar = StoryboardViews.Toolbar(current, progress);
        var toast = toastDue
            ? SseWriter.Format("toast", await renderer.RenderAsync(http, ToastPartial, toolbar), null)
            : null;
        return new StoryboardFrame(current, progress.Active, scenes.ToString(), toast,
            SseWriter.Format("toolbar", await renderer.RenderAsync(http, ToolbarPartial, toolbar), batch[^1].Sequence));
    }

    /// <summary>Forgets frames older than <see cref="Kept"/>, at most once a second.</summary>
    private void Sweep(long now)
    {
        var next = Interlocked.Read(ref _nextSweep);
        if (now < next || Interlocked.CompareExchange(ref _nextSweep, now + clock.TimestampFrequency, next) != next) return;
        foreach (var (key, entry) in _frames)
            if (clock.GetElapsedTime(entry.CreatedAt, now) > Kept) _frames.TryRemove(new KeyValuePair<Key, Entry>(key, entry));
    }

    /// <summary>The sentence an event concerns: the entity of a sentence event, the one a job's event names (none for an export's).</summary>
    private static Guid? SentenceOf(StoredEvent e)
    {
        if (e.Name == "sentence") return e.EntityId;
        if (e.Name is not ("job" or "progress")) return null;
        using var data = JsonDocument.Parse(e.Data);
        return data.RootElement.TryGetProperty("sentenceId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetGuid() : null;
    }

    private readonly record struct Key(Guid ProjectId, Guid OwnerId, long First, long Last, int Count, bool WantToast);

    private sealed record Entry(Lazy<Task<StoryboardFrame>> Frame, long CreatedAt);
}

/// <summary>
/// One batch's storyboard changes in the stream's form: <see cref="Scenes"/> (cards and live
/// parts, and the final-cut panel's list of unready scenes when sentences changed), the <see cref="Toast"/>
/// of a run's end when the frame was asked for by a page that saw the run active, and the
/// <see cref="Toolbar"/>, which carries the batch's last event id so a page resumes after it.
/// </summary>
public sealed record StoryboardFrame(Project Project, bool Active, string Scenes, string? Toast, string Toolbar);
