namespace VideoGen.Web.Accounts;

/// <summary>Puts the ownership check in front of every endpoint of a route group whose route names owned things.</summary>
public static class OwnershipConventions
{
    /// <summary>
    /// Adds <see cref="OwnershipEndpointFilter"/> (and <see cref="OwnershipMetadata"/>) to each
    /// endpoint of <paramref name="group"/>, nested groups included, whose route has owned ids.
    /// </summary>
    public static TBuilder RequireOwnership<TBuilder>(this TBuilder group) where TBuilder : IEndpointConventionBuilder
    {
        group.Add(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route) return;
            var owned = OwnedRouteValues.Of(route.RoutePattern);
            if (owned.Count == 0) return;
            endpoint.Metadata.Add(new OwnershipMetadata(owned));
            var filter = new OwnershipEndpointFilter(owned);
            endpoint.FilterFactories.Add((_, next) => context => filter.InvokeAsync(context, next));
        });
        return group;
    }
}
