using System.Text.Json;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;
using VideoGen.Web.Live;

namespace VideoGen.Web.Storyboard;

/// <summary>
/// The storyboard page's live stream: for each batch of the project's events, the fragments
/// that changed — the cards and inspector parts of the scenes concerned, the toolbar, and a
/// toast when a run of generation ends. The same partials the page renders, swapped by htmx's
/// SSE extension. The last fragment of a batch carries the batch's last event id, so a page
/// that reconnects resumes after it.
/// </summary>
public sealed class StoryboardStream(ProjectEventStream events, StoryboardViews views, ISentenceStore sentences, JobReader jobs, FragmentRenderer renderer)
{
    public const string CardPartial = "/Pages/Projects/_SentenceCard.cshtml";
    public const string LivePartial = "/Pages/Projects/_SceneLive.cshtml";
    public const string ToolbarPartial = "/Pages/Projects/_Toolbar.cshtml";
    public const string ToastPartial = "/Pages/Projects/_Toast.cshtml";

    public async Task RunAsync(HttpContext http, Project project, CancellationToken ct)
    {
        await SseWriter.StartAsync(http.Response, ct);
        var writer = new SseWriter(http.Response);
        var owner = http.User.GetUserId();
        var wasActive = (await jobs.ProgressAsync(project.Id, ct)).Active;
        var current = project;
        try
        {
            await events.FollowAsync(project.Id, events.ResumePoint(http.Request), async batch =>
            {
                var all = await jobs.ListByProjectAsync(project.Id, ct);
                var active = all.Where(j => !j.Status.IsFinished() && j.SentenceId is not null).ToLookup(j => j.SentenceId!.Value);
                foreach (var id in batch.Select(SentenceOf).OfType<Guid>().Distinct())
                {
                    if (await sentences.GetAsync(id, ct) is not { } sentence) continue;
                    var scene = views.Scene(sentence, active);
                    await writer.WriteAsync($"card-{id}", await renderer.RenderAsync(http, CardPartial, scene), null, ct);
                    await writer.WriteAsync($"live-{id}", await renderer.RenderAsync(http, LivePartial, scene), null, ct);
                }
                // The toolbar's dirty counters change only with sentences; progress events reuse the last read.
                if (batch.Any(e => e.Name is "sentence" or "project")) current = await views.ProjectAsync(project.Id, owner, ct) ?? current;
                var progress = ProjectProgress.Of(all);
                var toolbar = StoryboardViews.Toolbar(current, progress);
                var last = batch[^1].Id;
                if (wasActive && !progress.Active && progress.Total > 0)
                    await writer.WriteAsync("toast", await renderer.RenderAsync(http, ToastPartial, toolbar), null, ct);
                wasActive = progress.Active;
                await writer.WriteAsync("toolbar", await renderer.RenderAsync(http, ToolbarPartial, toolbar), last, ct);
            }, () => writer.HeartbeatAsync(ct), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page was closed.
        }
    }

    /// <summary>The sentence an event concerns: the entity of a sentence event, the sentence of a job's.</summary>
    private static Guid? SentenceOf(StoredEvent e)
    {
        if (e.Name == "sentence") return e.EntityId;
        if (e.Name is not ("job" or "progress")) return null;
        using var data = JsonDocument.Parse(e.Data);
        return data.RootElement.TryGetProperty("sentenceId", out var id) && id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out var sentenceId)
            ? sentenceId
            : null;
    }
}
