namespace VideoGen.Web.Accounts;

/// <summary>Names of the authorization policies and roles of the studio.</summary>
public static class AccountPolicies
{
    /// <summary>The policy of operator-only pages and API routes.</summary>
    public const string Admin = "admin";

    /// <summary>The role claim an operator's sign-in carries.</summary>
    public const string AdminRole = "admin";
}
