using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using VideoGen.Web.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Export;
using VideoGen.Web.Accounts;
using VideoGen.Web.Exports;

namespace VideoGen.Web.Api;

/// <summary>
/// Final cuts: <c>POST /projects/{id}/exports</c> starts one (or answers 409 with the scenes that
/// lack an image, a clip or narration, queuing nothing); <c>GET /exports</c>, <c>GET /exports/{id}</c>
/// and <c>DELETE /exports/{id}</c> list, read and delete the caller's exports.
/// </summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/projects/{id:guid}/exports", StartAsync);
        api.MapGet("/exports", ListAsync);
        api.MapGet("/exports/{id:guid}", GetAsync);
        api.MapDelete("/exports/{id:guid}", DeleteAsync);
        return api;
    }

    private static async Task<IResult> StartAsync(
        Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ExportRequest? request, HttpContext context,
        StudioGrains grains, IOptions<ExportOptions> options, CancellationToken ct)
    {
        var read = ExportSettings.Read(request?.Subtitles ?? false, request?.Transitions, request?.Fps ?? options.Value.FramesPerSecond);
        if (!read.Succeeded) return ApiResults.Refused(read.Errors);
        var settings = read.Value;

        var (requestId, owner) = (Guid.NewGuid(), context.User.GetUserId());
        var start = await grains.ProjectAsync(id, g => g.StartExport(requestId, owner, settings), ct);
        return start.Status switch
        {
            ExportStartStatus.Started => TypedResults.Accepted($"{Extensions.ApiExtensions.Prefix}/exports/{start.ExportId}", new { exportId = start.ExportId, jobId = start.JobId }),
            ExportStartStatus.Incomplete => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The scenes are not ready",
                detail: IncompleteScene.Describe(start.Incomplete),
                extensions: new Dictionary<string, object?> { ["sentences"] = start.Incomplete.Select(IncompleteScene.From).ToArray() }),
            _ => OwnershipResults.NotFound("project", id),
        };
    }

    private static async Task<IResult> ListAsync(string? q, string? status, HttpContext context, ExportReader reader, CancellationToken ct)
    {
        if (!ExportStatusFilter.TryParse(status, out var statuses))
            return ApiResults.Invalid("status", ExportStatusFilter.Help);
        var exports = await reader.ListAsync(context.User.GetUserId(), q, statuses, ct);
        return TypedResults.Ok(exports.Select(ExportResponse.From).ToArray());
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, ExportReader reader, CancellationToken ct) =>
        await reader.GetAsync(id, context.User.GetUserId(), ct) is { } export
            ? TypedResults.Ok(ExportResponse.From(export))
            : OwnershipResults.NotFound("export", id);

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext context, ExportDeletion deletion, CancellationToken ct) =>
        await deletion.DeleteAsync(id, context.User.GetUserId(), ct) ? TypedResults.NoContent() : OwnershipResults.NotFound("export", id);
}
