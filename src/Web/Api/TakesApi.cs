using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;
using VideoGen.Web.Takes;

namespace VideoGen.Web.Api;

/// <summary>
/// A scene's takes: list them, make one active (no regeneration), delete one that is not active,
/// and ask for variations of the image. A take id that is not the scene's answers 404, like any
/// id of someone else's.
/// </summary>
public static class TakesApi
{
    public static IEndpointRouteBuilder MapTakesApi(this IEndpointRouteBuilder api)
    {
        var scene = api.MapGroup("/sentences/{id:guid}");
        scene.MapGet("/takes", ListAsync);
        scene.MapPost("/takes/{takeId:guid}/activate", ActivateAsync);
        scene.MapDelete("/takes/{takeId:guid}", DeleteAsync);
        scene.MapPost("/variations", VariationsAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(Guid id, ISentenceStore sentences, ITakeStore takes, CancellationToken ct) =>
        await sentences.GetAsync(id, ct) is { } sentence
            ? TypedResults.Ok(TakesResponse.From(await takes.ListAsync(id, ct), sentence))
            : OwnershipResults.NotFound("sentence", id);

    private static async Task<IResult> ActivateAsync(Guid id, Guid takeId, TakeCommands commands, ISentenceStore sentences, CancellationToken ct)
    {
        var result = await commands.ActivateAsync(id, takeId, ct);
        if (!result.Succeeded) return ApiResults.Refused(result.Errors);
        return await sentences.GetAsync(id, ct) is { } saved ? TypedResults.Ok(SentenceResponse.From(saved)) : OwnershipResults.NotFound("sentence", id);
    }

    private static async Task<IResult> DeleteAsync(Guid id, Guid takeId, TakeCommands commands, CancellationToken ct)
    {
        var result = await commands.DeleteAsync(id, takeId, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Refused(result.Errors);
    }

    private static async Task<IResult> VariationsAsync(
        Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] VariationsRequest? request, TakeCommands commands, CancellationToken ct)
    {
        if (request?.Count is not { } count) return ApiResults.Invalid("count", $"Say how many variations to make: a count of {TakeRules.MinVariations} to {TakeRules.MaxVariations}.");
        var queued = await commands.VariationsAsync(id, count, ct);
        return queued.Errors.Count > 0 ? ApiResults.Refused(queued.Errors) : TypedResults.Accepted((string?)null, new { jobIds = queued.JobIds });
    }
}
