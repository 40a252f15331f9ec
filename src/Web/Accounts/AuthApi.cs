using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace VideoGen.Web.Accounts;

/// <summary>
/// Identity's API endpoints under <c>/api/v1/auth</c>: register, login and refresh hand out bearer tokens.
/// Their validation errors are keyed by field (<see cref="IdentityErrorFields"/>).
/// </summary>
public static class AuthApi
{
    public const string Prefix = "/auth";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup(Prefix).WithTags("Accounts").MapIdentityApi<StudioUser>().Add(endpoint =>
        {
            var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? "";
            // Identity protects its /manage routes itself; the rest is how an anonymous client gets a token.
            if (!pattern.Contains("/manage/", StringComparison.Ordinal)) endpoint.Metadata.Add(new AllowAnonymousAttribute());
            // Errors keyed by field, as everywhere else in the API, not by Identity's error codes.
            endpoint.FilterFactories.Add((_, next) => async context =>
            {
                var result = await next(context);
                var inner = result is INestedHttpResult nested ? nested.Result : result;
                return inner is ValidationProblem problem ? IdentityErrorFields.Rename(problem, pattern) : result;
            });
            // Two-factor sign-in is not offered (the store keeps no authenticator keys): the route answers like a missing one.
            if (pattern.EndsWith("/manage/2fa", StringComparison.Ordinal))
                endpoint.FilterFactories.Add((_, _) => _ => ValueTask.FromResult<object?>(TypedResults.Problem(
                    statusCode: StatusCodes.Status404NotFound, title: "Not found",
                    detail: "Two-factor sign-in is not offered by this studio.")));
        });
        return api;
    }
}
