using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace VideoGen.Web.Accounts;

/// <summary>Identity's sign-in that also records when the account last signed in, for the profile page.</summary>
public sealed class StudioSignInManager(
    UserManager<StudioUser> users, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<StudioUser> claimsFactory,
    IOptions<IdentityOptions> options, ILogger<SignInManager<StudioUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StudioUser> confirmation, UserStore store)
    : SignInManager<StudioUser>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(StudioUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        await store.RecordLoginAsync(user, Context.RequestAborted);
    }
}
