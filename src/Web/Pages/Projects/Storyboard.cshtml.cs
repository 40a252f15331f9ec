using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Projects;
using VideoGen.Grains.Scenes;
using VideoGen.Web.Live;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;
using VideoGen.Web.Commands;
using VideoGen.Web.Storyboard;
using VideoGen.Web.Takes;

namespace VideoGen.Web.Pages.Projects;

/// <summary>
/// The storyboard of one project: sections of scene cards, the toolbar, the scene inspector,
/// and one Server-Sent Events stream that keeps them live. Handlers answer htmx with partials;
/// the ownership page filter has checked that the project is the signed-in creator's before any handler runs.
/// </summary>
public sealed class StoryboardModel(
    StoryboardViews views, StudioGrains grains, ProjectEventStream stream, VideoGen.Web.Exports.FinalCutReader finalCuts) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public Project Project { get; private set; } = null!;
    public ToolbarView Toolbar { get; private set; } = null!;
    /// <summary>The last export and whether scenes changed since: the final-cut panel.</summary>
    public VideoGen.Web.Exports.FinalCutModel FinalCut { get; private set; } = null!;

    public ILookup<Guid, GenerationJob> Active { get; private set; } = Enumerable.Empty<GenerationJob>().ToLookup(j => Guid.Empty);

    /// <summary>The last event reflected in this page: the live stream starts after it.</summary>
    public long EventPosition { get; private set; }

    /// <summary>Sections rendered with the page; the rest load as they scroll into view.</summary>
    public const int SectionsRenderedUpFront = 3;

    /// <summary>
    /// A request that names no handler is refused (the ownership page filter has already answered
    /// 404 for another's project). Handlers that render the project load it themselves.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null)
        {
            context.Result = StatusCode(StatusCodes.Status405MethodNotAllowed);
            return;
        }
        await next();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Taken before reading, so anything that changes while the page renders arrives over the stream.
        EventPosition = await stream.HeadAsync(Id, ct);
        if (!await LoadAsync(ct)) return NotFound();
        (Toolbar, Active) = await views.BoardAsync(Project, ct);
        FinalCut = await finalCuts.ReadAsync(Project, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetSectionAsync(Guid sectionId, CancellationToken ct) =>
        await views.SectionAsync(Id, sectionId, User.GetUserId(), ct) is { } section ? Fragment("_Section", section) : NotFound();

    public async Task<IActionResult> OnGetCardAsync(Guid sentenceId, CancellationToken ct) =>
        await SceneAsync(sentenceId, ct) is { } scene ? Fragment("_SentenceCard", scene) : NotFound();

    public async Task<IActionResult> OnGetInspectorAsync(Guid sentenceId, CancellationToken ct) =>
        await views.InspectedSceneAsync(Id, sentenceId, User.GetUserId(), ct) is { } scene ? Fragment("_Inspector", scene) : NotFound();

    public async Task<IActionResult> OnGetToolbarAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return Fragment("_Toolbar", await views.ToolbarAsync(Project, ct));
    }

    /// <summary>Auto-save from the inspector: only the fields sent change; the sentence decides what went stale.</summary>
    public async Task<IActionResult> OnPostEditAsync(Guid sentenceId, [FromForm] SceneEditForm form, CancellationToken ct)
    {
        if (await views.SentenceAsync(Id, sentenceId, ct) is null) return NotFound();
        var edit = form.ToEdit();
        if (!edit.Succeeded) return BadRequest(string.Join(" ", edit.Errors.Select(e => e.Message)));
        await grains.SceneAsync(sentenceId, g => g.Edit(edit.Value), ct);
        return await LiveAsync(sentenceId, ct);
    }

    public Task<IActionResult> OnPostRegenerateImageAsync(Guid sentenceId, long? seed, bool skipVideo, CancellationToken ct) =>
        QueueForSceneAsync(sentenceId, (g, request) => g.RegenerateImage(request, seed, skipVideo), ct);

    /// <summary>The dice: a fresh random seed, then a new image from it; the seed field shows the seed at once.</summary>
    public async Task<IActionResult> OnPostNewSeedAsync(Guid sentenceId, bool skipVideo, CancellationToken ct)
    {
        var answer = await OnPostRegenerateImageAsync(sentenceId, Seeds.Fresh(), skipVideo, ct);
        return answer is PartialViewResult { Model: SceneView scene } ? Fragment("_NewSeed", scene) : answer;
    }

    public Task<IActionResult> OnPostRegenerateVideoAsync(Guid sentenceId, CancellationToken ct) =>
        QueueForSceneAsync(sentenceId, (g, request) => g.RegenerateVideo(request, null), ct);

    public Task<IActionResult> OnPostRegenerateAudioAsync(Guid sentenceId, CancellationToken ct) =>
        QueueForSceneAsync(sentenceId, (g, request) => g.RegenerateAudio(request), ct);

    public async Task<IActionResult> OnPostCancelSceneAsync(Guid sentenceId, CancellationToken ct)
    {
        if (await views.SentenceAsync(Id, sentenceId, ct) is null) return NotFound();
        await grains.SceneAsync(sentenceId, g => g.CancelActive(), ct);
        return await LiveAsync(sentenceId, ct);
    }

    public Task<IActionResult> OnPostGenerateAllAsync(CancellationToken ct) => BatchAsync((g, request) => g.GenerateAll(request), ct);

    public Task<IActionResult> OnPostRetryFailedAsync(CancellationToken ct) => BatchAsync((g, request) => g.RetryFailed(request), ct);

    public Task<IActionResult> OnPostRegenerateDirtyAsync(bool images, bool videos, CancellationToken ct) =>
        BatchAsync((g, request) => g.RegenerateDirty(request, images, videos), ct);

    public Task<IActionResult> OnPostCancelAllAsync(CancellationToken ct) => BatchAsync(async (g, _) =>
    {
        await g.CancelScenes();
        return null;
    }, ct);

    /// <summary>The inspector's strip of the scene's image or clip takes.</summary>
    public async Task<IActionResult> OnGetTakesAsync(Guid sentenceId, string kind, [FromServices] ITakeStore takes, CancellationToken ct)
    {
        if (await views.SentenceAsync(Id, sentenceId, ct) is not { } sentence) return NotFound();
        var asset = kind == "video" ? AssetKind.Video : AssetKind.Image;
        return Fragment("_Takes", TakesView.Of(sentence, asset, await takes.ListAsync(sentenceId, ct)));
    }

    /// <summary>Picks a take: it becomes the scene's image or clip, nothing is generated; the inspector shows the scene again.</summary>
    public Task<IActionResult> OnPostActivateTakeAsync(Guid sentenceId, Guid takeId, [FromServices] TakeCommands takes, CancellationToken ct) =>
        TakeCommandAsync(sentenceId, () => takes.ActivateAsync(sentenceId, takeId, ct), ct);

    /// <summary>"Use this seed": the take's seed and prompt go back into the scene's settings.</summary>
    public Task<IActionResult> OnPostReuseTakeAsync(Guid sentenceId, Guid takeId, [FromServices] TakeCommands takes, CancellationToken ct) =>
        TakeCommandAsync(sentenceId, () => takes.ReuseAsync(sentenceId, takeId, ct), ct);

    public Task<IActionResult> OnPostDeleteTakeAsync(Guid sentenceId, Guid takeId, [FromServices] TakeCommands takes, CancellationToken ct) =>
        TakeCommandAsync(sentenceId, () => takes.DeleteAsync(sentenceId, takeId, ct), ct);

    /// <summary>"Variations": <paramref name="count"/> images with fresh seeds, each kept as a take.</summary>
    public async Task<IActionResult> OnPostVariationsAsync(Guid sentenceId, int count, [FromServices] TakeCommands takes, CancellationToken ct)
    {
        if (await views.SentenceAsync(Id, sentenceId, ct) is null) return NotFound();
        var queued = await takes.VariationsAsync(sentenceId, count, ct);
        return queued.Errors.Count > 0 ? Refused(queued.Errors) : await InspectorAsync(sentenceId, ct);
    }

    private async Task<IActionResult> TakeCommandAsync(Guid sentenceId, Func<Task<TakeResult>> command, CancellationToken ct)
    {
        if (await views.SentenceAsync(Id, sentenceId, ct) is null) return NotFound();
        var result = await command();
        return result.Succeeded ? await InspectorAsync(sentenceId, ct) : Refused(result.Errors);
    }

    private async Task<IActionResult> InspectorAsync(Guid sentenceId, CancellationToken ct) =>
        await views.InspectedSceneAsync(Id, sentenceId, User.GetUserId(), ct) is { } scene ? Fragment("_Inspector", scene) : NotFound();

    /// <summary>The page's live stream: fragments for every card, inspector and toolbar change.</summary>
    public async Task<IActionResult> OnGetStreamAsync([FromServices] StoryboardStream stream, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        await stream.RunAsync(HttpContext, Project, ct);
        return new EmptyResult();
    }

    private async Task<IActionResult> BatchAsync(Func<IProjectGrain, Guid, Task<BatchResult?>> queue, CancellationToken ct)
    {
        var request = Guid.NewGuid();
        await grains.ProjectAsync(Id, g => queue(g, request), ct);
        if (!await LoadAsync(ct)) return NotFound();
        return Fragment("_Toolbar", await views.ToolbarAsync(Project, ct));
    }

    /// <summary>Queues work for one scene of this project and answers the scene's live part, or why it was refused.</summary>
    private async Task<IActionResult> QueueForSceneAsync(Guid sentenceId, Func<ISentenceGrain, Guid, Task<JobRequestResult>> queue, CancellationToken ct)
    {
        if (await views.SentenceAsync(Id, sentenceId, ct) is null) return NotFound();
        var request = Guid.NewGuid();
        var queued = await grains.SceneAsync(sentenceId, g => queue(g, request), ct);
        return queued.JobId is not null ? await LiveAsync(sentenceId, ct) : Refused(queued.Errors);
    }

    /// <summary>The scene's live part as it is now.</summary>
    private async Task<IActionResult> LiveAsync(Guid sentenceId, CancellationToken ct) =>
        await SceneAsync(sentenceId, ct) is { } scene ? Fragment("_SceneLive", scene) : NotFound();

    private IActionResult Refused(IReadOnlyList<ValidationError> errors)
    {
        Response.Htmx(h => h.Reswap(HtmxSwap.None));
        return StatusCode(Api.ApiResults.StatusOf(errors), string.Join(" ", errors.Select(e => e.Message)));
    }

    /// <summary>A scene of this project (ownership of the project was checked before any handler ran).</summary>
    private Task<SceneView?> SceneAsync(Guid sentenceId, CancellationToken ct) => views.SceneAsync(Id, sentenceId, ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var project = await views.ProjectAsync(Id, User.GetUserId(), ct);
        if (project is null) return false;
        Project = project;
        return true;
    }

    private PartialViewResult Fragment(string name, object model)
    {
        Response.Htmx(h => h.WithVary());
        return Partial(name, model);
    }
}
