using Microsoft.AspNetCore.Identity;

namespace VideoGen.Web.Accounts;

/// <summary>The studio's own reasons to refuse an account, next to Identity's.</summary>
public static class AccountErrors
{
    public const string RegistrationClosedCode = "RegistrationClosed";

    public static IdentityError RegistrationClosed { get; } = new()
    {
        Code = RegistrationClosedCode,
        Description = "Registration is closed on this studio: ask its operator for an account.",
    };
}
