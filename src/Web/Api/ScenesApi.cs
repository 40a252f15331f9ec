using System.Text.Json;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;

namespace VideoGen.Web.Api;

/// <summary>
/// The scene endpoints of the seed stories: edit a sentence (the server decides what went
/// stale), regenerate its image, clip or narration, generate / cancel / retry / regenerate a whole project,
/// and its progress.
/// </summary>
public static class ScenesApi
{
    public static IEndpointRouteBuilder MapScenesApi(this IEndpointRouteBuilder api)
    {
        api.MapPut("/sentences/{id:guid}", async (Guid id, JsonElement body, HttpContext http, IOwnedResources owned,
            ISentenceStore sentences, TimeProvider clock, CancellationToken ct) =>
        {
            if (await owned.ProjectOfSentenceAsync(id, http.User.GetUserId(), ct) is null) return OwnershipResults.NotFound("sentence", id);
            var edit = SentenceEditReader.Read(body);
            if (!edit.Succeeded) return ApiResults.Refused(edit.Errors);
            var saved = await sentences.UpdateAsync(id, s => s.Apply(edit.Value, clock.GetUtcNow()), ct);
            return saved is null ? OwnershipResults.NotFound("sentence", id) : Results.Ok(SentenceResponse.From(saved));
        });

        api.MapPost("/sentences/{id:guid}/regenerate-image", (Guid id, RegenerateImageRequest? request, HttpContext http,
            IOwnedResources owned, JobScheduler scheduler, CancellationToken ct) =>
            RegenerateAsync(id, http, owned, SeedProblem(request?.Seed),
                () => scheduler.RegenerateImageAsync(id, request?.Seed, request?.SkipVideo ?? false, ct), "Image regeneration started", ct));

        api.MapPost("/sentences/{id:guid}/regenerate-video", (Guid id, RegenerateVideoRequest? request, HttpContext http,
            IOwnedResources owned, JobScheduler scheduler, CancellationToken ct) =>
            RegenerateAsync(id, http, owned, SeedProblem(request?.Seed),
                () => scheduler.RegenerateVideoAsync(id, request?.Seed, ct), "Video regeneration started", ct));

        api.MapPost("/sentences/{id:guid}/regenerate-audio", (Guid id, HttpContext http, IOwnedResources owned, JobScheduler scheduler, CancellationToken ct) =>
            RegenerateAsync(id, http, owned, null, () => scheduler.RegenerateAudioAsync(id, ct), "Narration regeneration started", ct));

        var project = api.MapGroup("/projects/{id:guid}");
        project.MapPost("/generate-scenes", (Guid id, HttpContext http, IOwnedResources owned, JobScheduler scheduler, CancellationToken ct) =>
            BatchAsync(id, http, owned, () => scheduler.GenerateAllAsync(id, ct), b => Results.Accepted(null, new BatchAccepted(b.BatchId, b.Total)), ct));
        project.MapPost("/retry-failed-scenes", (Guid id, HttpContext http, IOwnedResources owned, JobScheduler scheduler, CancellationToken ct) =>
            BatchAsync(id, http, owned, () => scheduler.RetryFailedAsync(id, ct), b => Results.Accepted(null, new { retried = b.Total }), ct));
        project.MapPost("/regenerate-dirty", (Guid id, RegenerateDirtyRequest? request, HttpContext http, IOwnedResources owned, JobScheduler scheduler, CancellationToken ct) =>
            BatchAsync(id, http, owned, () => scheduler.RegenerateDirtyAsync(id, request?.Images ?? true, request?.Videos ?? true, ct),
                b => Results.Accepted(null, new { queued = b.Total }), ct));
        project.MapPost("/cancel-scenes", async (Guid id, HttpContext http, IOwnedResources owned, JobScheduler scheduler, CancellationToken ct) =>
            await owned.OwnsProjectAsync(id, http.User.GetUserId(), ct)
                ? Results.Ok(new { cancelled = await scheduler.CancelScenesAsync(id, ct) })
                : OwnershipResults.NotFound("project", id));
        project.MapGet("/progress", async (Guid id, HttpContext http, IOwnedResources owned, JobReader jobs, CancellationToken ct) =>
            await owned.OwnsProjectAsync(id, http.User.GetUserId(), ct)
                ? Results.Ok(ProgressResponse.From(await jobs.ProgressAsync(id, ct)))
                : OwnershipResults.NotFound("project", id));
        return api;
    }

    /// <summary>
    /// One scene's regeneration: 404 for a sentence the caller does not own, then the request's
    /// own <paramref name="problem"/> if any, else 202 with the job or why it was refused.
    /// </summary>
    private static async Task<IResult> RegenerateAsync(Guid id, HttpContext http, IOwnedResources owned, IResult? problem,
        Func<Task<Outcome<GenerationJob>>> queue, string started, CancellationToken ct)
    {
        if (await owned.ProjectOfSentenceAsync(id, http.User.GetUserId(), ct) is null) return OwnershipResults.NotFound("sentence", id);
        if (problem is not null) return problem;
        var queued = await queue();
        return queued.Succeeded
            ? Results.Accepted($"/api/v1/jobs/{queued.Value.Id}", new JobAccepted(queued.Value.Id, started))
            : ApiResults.Refused(queued.Errors);
    }

    private static IResult? SeedProblem(long? seed) => seed is < 0
        ? ApiResults.Invalid("seed", "The seed must be a whole number of 0 or more; leave it out for a random seed.")
        : null;

    private static async Task<IResult> BatchAsync(
        Guid id, HttpContext http, IOwnedResources owned, Func<Task<BatchResult?>> queue, Func<BatchResult, IResult> answer, CancellationToken ct)
    {
        if (!await owned.OwnsProjectAsync(id, http.User.GetUserId(), ct)) return OwnershipResults.NotFound("project", id);
        return await queue() is { } batch ? answer(batch) : OwnershipResults.NotFound("project", id);
    }
}
