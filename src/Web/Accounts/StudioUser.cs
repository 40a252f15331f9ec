using Microsoft.AspNetCore.Identity;

namespace VideoGen.Web.Accounts;

/// <summary>An account of the studio: the Identity user with the studio's own facts about it.</summary>
public sealed class StudioUser : IdentityUser<Guid>
{
    public StudioUser() => Id = Guid.CreateVersion7();

    /// <summary>The operator: the first account registered on the installation.</summary>
    public bool IsAdmin { get; internal set; }

    public DateTimeOffset CreatedAt { get; internal set; }

    /// <summary>The last time the account signed in with its password (page or API).</summary>
    public DateTimeOffset? LastLoginAt { get; internal set; }
}
