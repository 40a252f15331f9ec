using VideoGen.Grains.Storage;

namespace VideoGen.Web.Accounts;

/// <summary>A route or handler parameter that names something an account owns, and what it names.</summary>
public sealed record OwnedRouteValue(string Parameter, OwnedKind Kind)
{
    /// <summary>How a 404 names it: "project", "sentence", "job", "export".</summary>
    public string What => Kind.ToString().ToLowerInvariant();
}
