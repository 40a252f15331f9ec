using System.Text.Json;
using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Projects;
using VideoGen.Grains.Scenes;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;
using VideoGen.Web.Commands;

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
        api.MapPut("/sentences/{id:guid}", async (Guid id, JsonElement body, ISentenceStore sentences, StudioGrains grains, CancellationToken ct) =>
        {
            var edit = SentenceEditReader.Read(body);
            if (!edit.Succeeded) return ApiResults.Refused(edit.Errors);
            var found = await grains.SceneAsync(id, g => g.Edit(edit.Value), ct);
            var saved = found ? await sentences.GetAsync(id, ct) : null;
            return saved is null ? OwnershipResults.NotFound("sentence", id) : Results.Ok(SentenceResponse.From(saved));
        });

        api.MapPost("/sentences/{id:guid}/regenerate-image", (Guid id, RegenerateImageRequest? request, StudioGrains grains, CancellationToken ct) =>
            RegenerateAsync(id, SeedProblem(request?.Seed), grains,
                (g, r) => g.RegenerateImage(r, request?.Seed, request?.SkipVideo ?? false), "Image regeneration started", ct));

        api.MapPost("/sentences/{id:guid}/regenerate-video", (Guid id, RegenerateVideoRequest? request, StudioGrains grains, CancellationToken ct) =>
            RegenerateAsync(id, SeedProblem(request?.Seed), grains,
                (g, r) => g.RegenerateVideo(r, request?.Seed), "Video regeneration started", ct));

        api.MapPost("/sentences/{id:guid}/regenerate-audio", (Guid id, StudioGrains grains, CancellationToken ct) =>
            RegenerateAsync(id, null, grains, (g, r) => g.RegenerateAudio(r), "Narration regeneration started", ct));

        var project = api.MapGroup("/projects/{id:guid}");
        project.MapPost("/generate-scenes", (Guid id, StudioGrains grains, CancellationToken ct) =>
            BatchAsync(id, grains, (g, r) => g.GenerateAll(r), b => Results.Accepted(null, new BatchAccepted(b.BatchId, b.Total)), ct));
        project.MapPost("/retry-failed-scenes", (Guid id, StudioGrains grains, CancellationToken ct) =>
            BatchAsync(id, grains, (g, r) => g.RetryFailed(r), b => Results.Accepted(null, new { retried = b.Total }), ct));
        project.MapPost("/regenerate-dirty", (Guid id, RegenerateDirtyRequest? request, StudioGrains grains, CancellationToken ct) =>
            BatchAsync(id, grains, (g, r) => g.RegenerateDirty(r, request?.Images ?? true, request?.Videos ?? true),
                b => Results.Accepted(null, new { queued = b.Total }), ct));
        project.MapPost("/cancel-scenes", async (Guid id, StudioGrains grains, CancellationToken ct) =>
            Results.Ok(new { cancelled = await grains.ProjectAsync(id, g => g.CancelScenes(), ct) }));
        project.MapGet("/progress", async (Guid id, JobReader jobs, CancellationToken ct) =>
            Results.Ok(ProgressResponse.From(await jobs.ProgressAsync(id, ct))));
        return api;
    }

    /// <summary>
    /// One scene's regeneration (of a sentence the caller owns): the request's own
    /// <paramref name="problem"/> if any, else 202 with the job or why it was refused.
    /// </summary>
    private static async Task<IResult> RegenerateAsync(Guid id, IResult? problem,
        StudioGrains grains, Func<ISentenceGrain, Guid, Task<JobRequestResult>> queue, string started, CancellationToken ct)
    {
        if (problem is not null) return problem;
        var request = Guid.NewGuid();
        var queued = await grains.SceneAsync(id, g => queue(g, request), ct);
        return queued.JobId is { } jobId
            ? Results.Accepted($"/api/v1/jobs/{jobId}", new JobAccepted(jobId, started))
            : ApiResults.Refused(queued.Errors);
    }

    private static IResult? SeedProblem(long? seed) => seed is < 0
        ? ApiResults.Invalid("seed", "The seed must be a whole number of 0 or more; leave it out for a random seed.")
        : null;

    private static async Task<IResult> BatchAsync(
        Guid id, StudioGrains grains, Func<IProjectGrain, Guid, Task<BatchResult?>> queue, Func<BatchResult, IResult> answer, CancellationToken ct)
    {
        var request = Guid.NewGuid();
        return await grains.ProjectAsync(id, g => queue(g, request), ct) is { } batch ? answer(batch) : OwnershipResults.NotFound("project", id);
    }
}
