using Microsoft.AspNetCore.Identity;

namespace VideoGen.Web.Accounts;

/// <summary>
/// Which sign-in a request is judged by. The JSON API takes bearer tokens only, so a page's
/// cookie can never be used to call it from another site (the API has no anti-forgery
/// token); pages and their fragments take the login cookie. A request elsewhere that carries
/// a bearer token (a script fetching a media URL) is judged by the token.
/// </summary>
public static class AccountSchemes
{
    /// <summary>The default scheme: forwards to the bearer or the cookie scheme per request.</summary>
    public const string Selector = "VideoGen";

    public const string ApiPrefix = "/api";

    public static string Select(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase) || HasBearerToken(context.Request)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;

    private static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
