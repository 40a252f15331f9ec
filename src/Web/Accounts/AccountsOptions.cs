namespace VideoGen.Web.Accounts;

/// <summary>Configuration section <c>Accounts</c>: who may register, lockout, and the price of GPU time.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>Whether new accounts may register. The first account of an installation always may, so it can get its operator.</summary>
    public bool AllowRegistration { get; set; } = true;

    /// <summary>What one second of GPU time costs, for the estimate on the profile page.</summary>
    public decimal PricePerGpuSecond { get; set; }

    /// <summary>Failed sign-ins in a row after which the account is locked.</summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
