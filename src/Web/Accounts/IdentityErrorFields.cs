using Microsoft.AspNetCore.Http.HttpResults;

namespace VideoGen.Web.Accounts;

/// <summary>
/// Identity's API keys its validation errors by error code ("InvalidEmail", "PasswordTooShort");
/// the studio's API keys every 400 by the field to fix. This names the field each code is about,
/// for the route that answered (register asks for a <c>password</c>, the others for a <c>newPassword</c>).
/// </summary>
public static class IdentityErrorFields
{
    /// <summary>The field of the request that <paramref name="code"/> is about on the route <paramref name="pattern"/>; unknown codes keep their name.</summary>
    public static string FieldOf(string code, string pattern)
    {
        var manage = pattern.EndsWith("/manage/info", StringComparison.Ordinal);
        return code switch
        {
            "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => manage ? "newEmail" : "email",
            "PasswordMismatch" or "OldPasswordRequired" => "oldPassword",
            _ when code.StartsWith("Password", StringComparison.Ordinal) => pattern.EndsWith("/register", StringComparison.Ordinal) ? "password" : "newPassword",
            "InvalidToken" => "resetCode",
            _ => code,
        };
    }

    /// <summary><paramref name="problem"/> with its errors keyed by field (codes on one field merged), and their messages as the detail.</summary>
    public static ValidationProblem Rename(ValidationProblem problem, string pattern)
    {
        var errors = problem.ProblemDetails.Errors
            .GroupBy(e => FieldOf(e.Key, pattern), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(m => m)), title: problem.ProblemDetails.Title);
    }
}
