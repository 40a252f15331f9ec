namespace VideoGen.Web.Accounts;

/// <summary>
/// Runs an endpoint only when every owned id in its route is the caller's; otherwise answers
/// the 404 problem of <see cref="OwnershipResults"/>, the same for an unknown id and someone else's.
/// </summary>
public sealed class OwnershipEndpointFilter(IReadOnlyList<OwnedRouteValue> owned) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var check = http.RequestServices.GetRequiredService<OwnershipCheck>();
        var foreign = await check.FirstNotOwnedAsync(owned.Select(v => (v, http.GetRouteValue(v.Parameter))), http.User, http.RequestAborted);
        return foreign is { } found ? OwnershipResults.NotFound(found.Value.What, found.Id) : await next(context);
    }
}
