using Microsoft.AspNetCore.Routing.Patterns;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Accounts;

/// <summary>
/// Which parameters of a route name owned things: <c>{projectId}</c>, <c>{sentenceId}</c>,
/// <c>{jobId}</c>, <c>{exportId}</c>, <c>{takeId}</c>, or <c>{id}</c> after <c>projects</c>, <c>sentences</c>,
/// <c>jobs</c>, <c>exports</c> or <c>takes</c>. An <c>{id}</c> after anything else is refused when the route
/// is mapped, so a new kind of id cannot slip past the ownership check unnoticed.
/// </summary>
public static class OwnedRouteValues
{
    private static readonly Dictionary<string, OwnedKind> Collections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["projects"] = OwnedKind.Project, ["sentences"] = OwnedKind.Sentence, ["jobs"] = OwnedKind.Job, ["exports"] = OwnedKind.Export,
        ["takes"] = OwnedKind.Take,
    };

    /// <summary>The owned parameters of <paramref name="pattern"/>, in route order.</summary>
    /// <exception cref="InvalidOperationException">An <c>{id}</c> follows a segment that names no owned kind.</exception>
    public static IReadOnlyList<OwnedRouteValue> Of(RoutePattern pattern)
    {
        var owned = new List<OwnedRouteValue>();
        string? previous = null;
        foreach (var segment in pattern.PathSegments)
        {
            foreach (var parameter in segment.Parts.OfType<RoutePatternParameterPart>())
            {
                if (KindOf(parameter.Name) is { } named) owned.Add(new OwnedRouteValue(parameter.Name, named));
                else if (string.Equals(parameter.Name, "id", StringComparison.OrdinalIgnoreCase))
                    owned.Add(new OwnedRouteValue(parameter.Name, previous is not null && Collections.TryGetValue(previous, out var kind)
                        ? kind
                        : throw new InvalidOperationException(
                            $"Route '{pattern.RawText}' has an {{id}} after '{previous}', which names nothing the ownership check knows: " +
                            $"rename it or add its kind to {nameof(OwnedRouteValues)}.")));
            }
            previous = segment.Parts.OfType<RoutePatternLiteralPart>().LastOrDefault()?.Content ?? previous;
        }
        return owned;
    }

    /// <summary>The kind a parameter named <c>{kind}Id</c> names (a handler's <c>sentenceId</c>), or null.</summary>
    public static OwnedKind? KindOf(string parameter) =>
        parameter.Length > 2 && parameter.EndsWith("Id", StringComparison.OrdinalIgnoreCase)
        && Collections.TryGetValue(parameter[..^2] + "s", out var kind) ? kind : null;
}
