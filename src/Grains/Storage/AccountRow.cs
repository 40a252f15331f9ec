namespace VideoGen.Grains.Storage;

/// <summary>A row of <c>users</c>, column for column (times as Unix milliseconds).</summary>
internal sealed class AccountRow
{
    /// <summary>The columns, in the order of <see cref="Parameters"/>.</summary>
    public const string Columns =
        "id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash, security_stamp, " +
        "concurrency_stamp, lockout_enabled, lockout_end, access_failed_count, is_admin, created_at, last_login_at";

    /// <summary>The parameters of an insert, in the order of <see cref="Columns"/>.</summary>
    public const string Parameters =
        "@Id, @UserName, @NormalizedUserName, @Email, @NormalizedEmail, @EmailConfirmed, @PasswordHash, @SecurityStamp, " +
        "@ConcurrencyStamp, @LockoutEnabled, @LockoutEnd, @AccessFailedCount, @IsAdmin, @CreatedAt, @LastLoginAt";

    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    public string NormalizedUserName { get; set; } = "";
    public string? Email { get; set; }
    public string? NormalizedEmail { get; set; }
    public bool EmailConfirmed { get; set; }
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = "";
    public string ConcurrencyStamp { get; set; } = "";
    public bool LockoutEnabled { get; set; }
    public long? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }
    public bool IsAdmin { get; set; }
    public long CreatedAt { get; set; }
    public long? LastLoginAt { get; set; }

    /// <summary>The concurrency stamp the row must still have for an update to apply.</summary>
    public string? Expected { get; set; }

    public static AccountRow From(AccountRecord account, string? expected = null) => new()
    {
        Id = account.Id, UserName = account.UserName, NormalizedUserName = account.NormalizedUserName,
        Email = account.Email, NormalizedEmail = account.NormalizedEmail, EmailConfirmed = account.EmailConfirmed,
        PasswordHash = account.PasswordHash, SecurityStamp = account.SecurityStamp, ConcurrencyStamp = account.ConcurrencyStamp,
        LockoutEnabled = account.LockoutEnabled, LockoutEnd = UnixTime.ToMs(account.LockoutEnd), AccessFailedCount = account.AccessFailedCount,
        IsAdmin = account.IsAdmin, CreatedAt = UnixTime.ToMs(account.CreatedAt), LastLoginAt = UnixTime.ToMs(account.LastLoginAt), Expected = expected,
    };

    public AccountRecord ToRecord() => new()
    {
        Id = Id, UserName = UserName, NormalizedUserName = NormalizedUserName, Email = Email, NormalizedEmail = NormalizedEmail,
        EmailConfirmed = EmailConfirmed, PasswordHash = PasswordHash, SecurityStamp = SecurityStamp, ConcurrencyStamp = ConcurrencyStamp,
        LockoutEnabled = LockoutEnabled, LockoutEnd = UnixTime.FromMs(LockoutEnd), AccessFailedCount = AccessFailedCount,
        IsAdmin = IsAdmin, CreatedAt = UnixTime.FromMs(CreatedAt), LastLoginAt = UnixTime.FromMs(LastLoginAt),
    };
}
