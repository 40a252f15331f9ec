using VideoGen.Grains.Jobs;
using VideoGen.Web.Accounts;

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

        api.MapPost("/jobs/{id:guid}/cancel", async (Guid id, JobScheduler scheduler, CancellationToken ct) =>
            await scheduler.CancelAsync(id, ct) is { } job
                ? Results.Ok(JobResponse.From(job))
                : OwnershipResults.NotFound("job", id));
        return api;
    }
}
