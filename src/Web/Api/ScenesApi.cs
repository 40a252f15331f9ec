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
        api.MapPut("/sentences/{id:guid}", async (Guid id, JsonElement body, ISentenceStore sentences, TimeProvider clock, CancellationToken ct) =>
        {
            var edit = SentenceEditReader.Read(body);
            if (!edit.Succeeded) return ApiResults.Refused(edit.Errors);
            var saved = await sentences.UpdateAsync(id, s => s.Apply(edit.Value, clock.GetUtcNow()), ct);
            return saved is null ? OwnershipResults.NotFound("sentence", id) : Results.Ok(SentenceResponse.From(saved));
        });

        api.MapPost("/sentences/{id:guid}/regenerate-image", (Guid id, RegenerateImageRequest? request, JobScheduler scheduler, CancellationToken ct) =>
            RegenerateAsync(SeedProblem(request?.Seed),
                () => scheduler.RegenerateImageAsync(id, request?.Seed, request?.SkipVideo ?? false, ct), "Image regeneration started"));

        api.MapPost("/sentences/{id:guid}/regenerate-video", (Guid id, RegenerateVideoRequest? request, JobScheduler scheduler, CancellationToken ct) =>
            RegenerateAsync(SeedProblem(request?.Seed),
                () => scheduler.RegenerateVideoAsync(id, request?.Seed, ct), "Video regeneration started"));

        api.MapPost("/sentences/{id:guid}/regenerate-audio", (Guid id, JobScheduler scheduler, CancellationToken ct) =>
            RegenerateAsync(null, () => scheduler.RegenerateAudioAsync(id, ct), "Narration regeneration started"));

        var project = api.MapGroup("/projects/{id:guid}");
        project.MapPost("/generate-scenes", (Guid id, JobScheduler scheduler, CancellationToken ct) =>
            BatchAsync(id, () => scheduler.GenerateAllAsync(id, ct), b => Results.Accepted(null, new BatchAccepted(b.BatchId, b.Total))));
        project.MapPost("/retry-failed-scenes", (Guid id, JobScheduler scheduler, CancellationToken ct) =>
            BatchAsync(id, () => scheduler.RetryFailedAsync(id, ct), b => Results.Accepted(null, new { retried = b.Total })));
        project.MapPost("/regenerate-dirty", (Guid id, RegenerateDirtyRequest? request, JobScheduler scheduler, CancellationToken ct) =>
            BatchAsync(id, () => scheduler.RegenerateDirtyAsync(id, request?.Images ?? true, request?.Videos ?? true, ct),
                b => Results.Accepted(null, new { queued = b.Total })));
        project.MapPost("/cancel-scenes", async (Guid id, JobScheduler scheduler, CancellationToken ct) =>
            Results.Ok(new { cancelled = await scheduler.CancelScenesAsync(id, ct) }));
        project.MapGet("/progress", async (Guid id, JobReader jobs, CancellationToken ct) =>
            Results.Ok(ProgressResponse.From(await jobs.ProgressAsync(id, ct))));
        return api;
    }

    /// <summary>
    /// One scene's regeneration (of a sentence the caller owns): the request's own
    /// <paramref name="problem"/> if any, else 202 with the job or why it was refused.
    /// </summary>
    private static async Task<IResult> RegenerateAsync(IResult? problem, Func<Task<Outcome<GenerationJob>>> queue, string started)
    {
        if (problem is not null) return problem;
        var queued = await queue();
        return queued.Succeeded
            ? Results.Accepted($"/api/v1/jobs/{queued.Value.Id}", new JobAccepted(queued.Value.Id, started))
            : ApiResults.Refused(queued.Errors);
    }

    private static IResult? SeedProblem(long? seed) => seed is < 0
        ? ApiResults.Invalid("seed", "The seed must be a whole number of 0 or more; leave it out for a random seed.")
        : null;

    private static async Task<IResult> BatchAsync(Guid id, Func<Task<BatchResult?>> queue, Func<BatchResult, IResult> answer) =>
        await queue() is { } batch ? answer(batch) : OwnershipResults.NotFound("project", id);
}
