using Microsoft.AspNetCore.Mvc.Filters;

namespace VideoGen.Web.Accounts;

/// <summary>
/// Runs a page handler only when every owned id it is given is the viewer's: the route's
/// (<c>/Projects/{id}</c>, <c>/Exports/{id}</c>) and the handler's own (<c>sentenceId</c>).
/// Otherwise 404, before the page's own code runs, whatever the handler (or none).
/// </summary>
public sealed class OwnershipPageFilter(OwnershipCheck check) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var inRoute = http.GetEndpoint() is RouteEndpoint endpoint
            ? OwnedRouteValues.Of(endpoint.RoutePattern).Select(v => (v, http.GetRouteValue(v.Parameter)))
            : [];
        var ofHandler = context.HandlerArguments
            .Where(a => OwnedRouteValues.KindOf(a.Key) is not null)
            .Select(a => (new OwnedRouteValue(a.Key, OwnedRouteValues.KindOf(a.Key)!.Value), a.Value));
        if (await check.FirstNotOwnedAsync(inRoute.Concat(ofHandler), http.User, http.RequestAborted) is not null)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.NotFoundResult();
            return;
        }
        await next();
    }
}
