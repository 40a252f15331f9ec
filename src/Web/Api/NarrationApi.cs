using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;
using VideoGen.Web.Commands;

namespace VideoGen.Web.Api;

/// <summary>
/// A project's narration voice and speed: <c>GET</c> and <c>PUT /projects/{id}/narration</c>
/// <c>{voice: string|null, speed: 0.5..2.0}</c>. A null voice is the speech engine's configured
/// voice. Changing either makes every sentence's narration stale.
/// </summary>
public static class NarrationApi
{
    /// <summary>The body of <c>PUT /projects/{id}/narration</c>: the voice (null for the engine's) and the speed (1.0 when absent).</summary>
    public sealed record NarrationRequest(string? Voice = null, double? Speed = null);

    public static IEndpointRouteBuilder MapNarrationApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/projects/{id:guid}/narration", async (Guid id, HttpContext context, NarrationSettingsStore store, CancellationToken ct) =>
            await store.GetAsync(id, context.User.GetUserId(), ct) is { } settings
                ? TypedResults.Ok(settings)
                : OwnershipResults.NotFound("project", id));
        api.MapPut("/projects/{id:guid}/narration", async (Guid id, NarrationRequest request, HttpContext context, StudioGrains grains, CancellationToken ct) =>
        {
            var settings = new NarrationSettings(string.IsNullOrWhiteSpace(request.Voice) ? null : request.Voice.Trim(), request.Speed ?? 1.0);
            var errors = new List<ValidationError>();
            if (NarrationSettings.CheckVoice(settings.Voice) is { } voice) errors.Add(new ValidationError("voice", voice));
            if (NarrationSettings.CheckSpeed(settings.Speed) is { } speed) errors.Add(new ValidationError("speed", speed));
            if (errors.Count > 0) return ApiResults.Refused(errors);
            var owner = context.User.GetUserId();
            return await grains.ProjectAsync(id, g => g.ChangeNarration(owner, settings), ct) is { } changed
                ? TypedResults.Ok(changed)
                : OwnershipResults.NotFound("project", id);
        });
        return api;
    }
}
