namespace VideoGen.Web.Tests.Api;

/// <summary>What one route takes beyond its ids: bodies of the wrong types or breaking a rule, and query strings it must refuse.</summary>
public sealed record RouteInputs(IReadOnlyList<BadInput> Bodies, IReadOnlyList<BadInput> Queries)
{
    /// <summary>A route that reads nothing but its ids (or nothing at all).</summary>
    public static RouteInputs None { get; } = new([], []);

    public static RouteInputs Body(params BadInput[] bodies) => new(bodies, []);

    public static RouteInputs Query(params BadInput[] queries) => new([], queries);
}
