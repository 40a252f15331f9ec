using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace VideoGen.Web.Accounts;

/// <summary>
/// Puts the operator's role on the sign-in (cookie, bearer token and every refresh of them),
/// from the account's admin flag: the studio has one role, so no role tables.
/// </summary>
public sealed class StudioClaimsPrincipalFactory(UserManager<StudioUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StudioUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StudioUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.IsAdmin) identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, AccountPolicies.AdminRole));
        return identity;
    }
}
