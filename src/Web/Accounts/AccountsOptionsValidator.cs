using Microsoft.Extensions.Options;

namespace VideoGen.Web.Accounts;

/// <summary>Fails start-up with a message naming the key when the <c>Accounts</c> section is wrong.</summary>
public sealed class AccountsOptionsValidator : IValidateOptions<AccountsOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountsOptions options)
    {
        var problems = new List<string>();
        if (options.PricePerGpuSecond < 0)
            problems.Add($"Accounts:PricePerGpuSecond must be zero or more (got {options.PricePerGpuSecond}).");
        if (options.MaxFailedAccessAttempts is < 1 or > 100)
            problems.Add($"Accounts:MaxFailedAccessAttempts must be between 1 and 100 (got {options.MaxFailedAccessAttempts}).");
        if (options.LockoutDuration <= TimeSpan.Zero)
            problems.Add($"Accounts:LockoutDuration must be a positive time span such as 00:15:00 (got {options.LockoutDuration}).");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
