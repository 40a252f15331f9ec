using VideoGen.Grains.Domain;
using VideoGen.Web.Media;

namespace VideoGen.Web.Api;

/// <summary>One take of a scene as the API shows it: its file and what made it.</summary>
public sealed record TakeResponse(
    Guid Id, AssetKind Kind, string Url, long? Seed, string? Prompt, CameraMovement? CameraMovement, double? MotionStrength,
    Guid? SourceImageTakeId, WorkflowResponse? Workflow, string Device, double? DurationSeconds, DateTimeOffset CreatedAt, bool Active)
{
    public static TakeResponse From(Take take, Sentence sentence) => new(
        take.Id, take.Kind, MediaUrls.For(take.File)!, take.Recipe.Seed, take.Recipe.Prompt, take.Recipe.CameraMovement, take.Recipe.MotionStrength,
        take.Recipe.SourceImageTakeId, WorkflowResponse.From(take.Recipe), take.Device, take.DurationSeconds, take.CreatedAt,
        sentence.ActiveTakeId(take.Kind) == take.Id);
}
