using VideoGen.Grains.Storage;

namespace VideoGen.Web.Accounts;

/// <summary>A row of <c>users</c>, column for column (times as Unix milliseconds).</summary>
internal sealed class UserRow
{
    /// <summary>The properties in the order of the store's column list.</summary>
    public static readonly string[] Properties =
    [
        nameof(Id), nameof(UserName), nameof(NormalizedUserName), nameof(Email), nameof(NormalizedEmail), nameof(EmailConfirmed),
        nameof(PasswordHash), nameof(SecurityStamp), nameof(ConcurrencyStamp), nameof(LockoutEnabled), nameof(LockoutEnd),
        nameof(AccessFailedCount), nameof(IsAdmin), nameof(CreatedAt), nameof(LastLoginAt),
    ];

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

    public static UserRow From(StudioUser user, string? expected = null) => new()
    {
        Id = user.Id, UserName = user.UserName ?? "", NormalizedUserName = user.NormalizedUserName ?? "",
        Email = user.Email, NormalizedEmail = user.NormalizedEmail, EmailConfirmed = user.EmailConfirmed,
        PasswordHash = user.PasswordHash, SecurityStamp = user.SecurityStamp ?? "", ConcurrencyStamp = user.ConcurrencyStamp ?? "",
        LockoutEnabled = user.LockoutEnabled, LockoutEnd = UnixTime.ToMs(user.LockoutEnd), AccessFailedCount = user.AccessFailedCount,
        IsAdmin = user.IsAdmin, CreatedAt = UnixTime.ToMs(user.CreatedAt), LastLoginAt = UnixTime.ToMs(user.LastLoginAt), Expected = expected,
    };

    public StudioUser ToUser() => new()
    {
        Id = Id, UserName = UserName, NormalizedUserName = NormalizedUserName, Email = Email, NormalizedEmail = NormalizedEmail,
        EmailConfirmed = EmailConfirmed, PasswordHash = PasswordHash, SecurityStamp = SecurityStamp, ConcurrencyStamp = ConcurrencyStamp,
        LockoutEnabled = LockoutEnabled, LockoutEnd = UnixTime.FromMs(LockoutEnd), AccessFailedCount = AccessFailedCount,
        IsAdmin = IsAdmin, CreatedAt = UnixTime.FromMs(CreatedAt), LastLoginAt = UnixTime.FromMs(LastLoginAt),
    };
}
