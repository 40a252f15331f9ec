using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;
using VideoGen.Web.Commands;
using VideoGen.Web.Projects;

namespace VideoGen.Web.Api;

/// <summary>Projects: create from a script, list, read, delete.</summary>
public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/projects", async (CreateProjectRequest request, HttpContext http, IProjectStore projects, StudioGrains grains, CancellationToken ct) =>
        {
            var ratio = AspectRatio.Landscape;
            if (request.AspectRatio is not null)
            {
                if (!AspectRatios.TryParse(request.AspectRatio, out var parsed))
                    return ApiResults.Invalid("aspectRatio", $"Aspect ratio '{request.AspectRatio}' is not offered; use one of {string.Join(", ", AspectRatios.Names)}.");
                ratio = parsed.Value;
            }
            var owner = http.User.GetUserId();
            var id = Guid.CreateVersion7();
            var imported = await grains.ProjectAsync(id, g => g.Import(new ImportProject(owner, request.Name, request.Script, ratio, request.Style)), ct);
            if (!imported.Succeeded) return ApiResults.Refused(imported.Errors);
            var stored = await projects.GetAsync(id, owner, ct)
                ?? throw new InvalidOperationException($"Project {id} was imported but cannot be read back.");
            return TypedResults.Created($"{Extensions.ApiExtensions.Prefix}/projects/{stored.Id}", ProjectResponse.From(stored));
        });

        api.MapGet("/projects", async (HttpContext http, IProjectStore projects, CancellationToken ct) =>
            TypedResults.Ok((await projects.ListAsync(http.User.GetUserId(), ct))
                .Select(p => new ProjectSummaryResponse(p.Id, p.Name, p.SentenceCount, p.CreatedAt, p.UpdatedAt)).ToArray()));

        api.MapGet("/projects/{id:guid}", async (Guid id, HttpContext http, IProjectStore projects, CancellationToken ct) =>
            await projects.GetAsync(id, http.User.GetUserId(), ct) is { } project
                ? Results.Ok(ProjectResponse.From(project))
                : OwnershipResults.NotFound("project", id));

        api.MapDelete("/projects/{id:guid}", async (Guid id, HttpContext http, ProjectDeletion deletion, CancellationToken ct) =>
            await deletion.DeleteAsync(id, http.User.GetUserId(), ct) ? Results.NoContent() : OwnershipResults.NotFound("project", id));
        return api;
    }
}
