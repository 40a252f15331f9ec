using VideoGen.Grains.Domain;

namespace VideoGen.Web.Api;

/// <summary><c>GET /api/v1/sentences/{id}/takes</c>: the scene's takes by kind, newest first.</summary>
public sealed record TakesResponse(IReadOnlyList<TakeResponse> Image, IReadOnlyList<TakeResponse> Video, IReadOnlyList<TakeResponse> Audio)
{
    public static TakesResponse From(IReadOnlyList<Take> takes, Sentence sentence)
    {
        TakeResponse[] Of(AssetKind kind) => takes.Where(t => t.Kind == kind).OrderByDescending(t => t.CreatedAt).Select(t => TakeResponse.From(t, sentence)).ToArray();
        return new TakesResponse(Of(AssetKind.Image), Of(AssetKind.Video), Of(AssetKind.Audio));
    }
}
