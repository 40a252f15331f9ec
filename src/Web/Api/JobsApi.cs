using VideoGen.Grains.Jobs;
using VideoGen.Web.Accounts;
using VideoGen.Web.Commands;

namespace VideoGen.Web.Api;

/// <summary>One job: read it, cancel it.</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/jobs/{id:guid}", async (Guid id, JobReader jobs, CancellationToken ct) =>
            await jobs.GetAsync(id, ct) is { } job
                ? Results.Ok(JobResponse.From(job))
                : OwnershipResults.NotFound("job", id));

        api.MapPost("/jobs/{id:guid}/cancel", async (Guid id, JobReader jobs, StudioGrains grains, CancellationToken ct) =>
        {
            if (await jobs.GetAsync(id, ct) is not { } job) return OwnershipResults.NotFound("job", id);
            await grains.CancelJobAsync(job, ct);
            return await jobs.GetAsync(id, ct) is { } cancelled ? Results.Ok(JobResponse.From(cancelled)) : OwnershipResults.NotFound("job", id);
        });
        return api;
    }
}
