namespace VideoGen.Grains.Storage;

/// <summary>An account as the <c>users</c> table holds it: the Identity user's fields and the studio's own.</summary>
public sealed record AccountRecord
{
    public required Guid Id { get; init; }
    public string UserName { get; init; } = "";
    public string NormalizedUserName { get; init; } = "";
    public string? Email { get; init; }
    public string? NormalizedEmail { get; init; }
    public bool EmailConfirmed { get; init; }
    public string? PasswordHash { get; init; }
    public string SecurityStamp { get; init; } = "";
    public string ConcurrencyStamp { get; init; } = "";
    public bool LockoutEnabled { get; init; }
    public DateTimeOffset? LockoutEnd { get; init; }
    public int AccessFailedCount { get; init; }

    /// <summary>The operator: the first account registered on the installation.</summary>
    public bool IsAdmin { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The last time the account signed in.</summary>
    public DateTimeOffset? LastLoginAt { get; init; }
}
