using System.Security.Claims;

namespace VideoGen.Web.Accounts;

/// <summary>The signed-in account behind a request.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>
    /// The id of the signed-in account. Only for routes that require a signed-in user (every
    /// route does unless it allows anonymous access explicitly).
    /// </summary>
    public static Guid GetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("The request has no signed-in account: this route must require authorization.");
}
