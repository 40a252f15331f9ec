using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Accounts;

/// <summary>
/// Identity's user store on the studio's account store. Identity changes the user object
/// through the setters below and then saves it whole with <see cref="UpdateAsync"/>, guarded
/// by the concurrency stamp.
/// </summary>
public sealed class UserStore(IAccountStore accounts, TimeProvider clock, IOptions<AccountsOptions> options, IdentityErrorDescriber errors) :
    IUserPasswordStore<StudioUser>, IUserEmailStore<StudioUser>, IUserSecurityStampStore<StudioUser>, IUserLockoutStore<StudioUser>
{
    /// <summary>
    /// Saves a new account. Exactly one account becomes the operator however many register at
    /// once: the first. It also takes over the projects made before accounts existed. When
    /// registration is closed, only that first account is accepted.
    /// </summary>
    public async Task<IdentityResult> CreateAsync(StudioUser user, CancellationToken cancellationToken)
    {
        var createdAt = clock.GetUtcNow();
        var created = await accounts.CreateAsync(ToRecord(user) with { CreatedAt = createdAt }, options.Value.AllowRegistration, cancellationToken);
        switch (created.Result)
        {
            case AccountWriteResult.RegistrationClosed:
                return IdentityResult.Failed(AccountErrors.RegistrationClosed);
            case AccountWriteResult.Duplicate:
                return IdentityResult.Failed(errors.DuplicateEmail(user.Email ?? user.UserName ?? ""));
            default:
                user.IsAdmin = created.IsAdmin;
                user.CreatedAt = createdAt;
                return IdentityResult.Success;
        }
    }

    public async Task<IdentityResult> UpdateAsync(StudioUser user, CancellationToken cancellationToken)
    {
        var expected = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        var updated = await accounts.UpdateAsync(ToRecord(user), expected, cancellationToken);
        if (updated == AccountWriteResult.Written) return IdentityResult.Success;
        user.ConcurrencyStamp = expected;
        return IdentityResult.Failed(updated == AccountWriteResult.Duplicate ? errors.DuplicateEmail(user.Email ?? "") : errors.ConcurrencyFailure());
    }

    public async Task<IdentityResult> DeleteAsync(StudioUser user, CancellationToken cancellationToken) =>
        await accounts.DeleteAsync(user.Id, user.ConcurrencyStamp, cancellationToken) ? IdentityResult.Success : IdentityResult.Failed(errors.ConcurrencyFailure());

    public async Task<StudioUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Guid.TryParse(userId, out var id) ? ToUser(await accounts.FindByIdAsync(id, cancellationToken)) : null;

    public async Task<StudioUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        ToUser(await accounts.FindByNormalizedUserNameAsync(normalizedUserName, cancellationToken));

    public async Task<StudioUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        ToUser(await accounts.FindByNormalizedEmailAsync(normalizedEmail, cancellationToken));

    /// <summary>Whether any account exists yet (the first one may always register).</summary>
    public Task<bool> HasAccountsAsync(CancellationToken ct) => accounts.HasAccountsAsync(ct);

    /// <summary>Notes a successful sign-in; kept apart from <see cref="UpdateAsync"/> so it never races Identity's own saves.</summary>
    public async Task RecordLoginAsync(StudioUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await accounts.RecordLoginAsync(user.Id, now, ct);
        user.LastLoginAt = now;
    }

    private static AccountRecord ToRecord(StudioUser user) => new()
    {
        Id = user.Id, UserName = user.UserName ?? "", NormalizedUserName = user.NormalizedUserName ?? "",
        Email = user.Email, NormalizedEmail = user.NormalizedEmail, EmailConfirmed = user.EmailConfirmed,
        PasswordHash = user.PasswordHash, SecurityStamp = user.SecurityStamp ?? "", ConcurrencyStamp = user.ConcurrencyStamp ?? "",
        LockoutEnabled = user.LockoutEnabled, LockoutEnd = user.LockoutEnd, AccessFailedCount = user.AccessFailedCount,
        IsAdmin = user.IsAdmin, CreatedAt = user.CreatedAt, LastLoginAt = user.LastLoginAt,
    };

    private static StudioUser? ToUser(AccountRecord? account) => account is null ? null : new()
    {
        Id = account.Id, UserName = account.UserName, NormalizedUserName = account.NormalizedUserName, Email = account.Email,
        NormalizedEmail = account.NormalizedEmail, EmailConfirmed = account.EmailConfirmed, PasswordHash = account.PasswordHash,
        SecurityStamp = account.SecurityStamp, ConcurrencyStamp = account.ConcurrencyStamp, LockoutEnabled = account.LockoutEnabled,
        LockoutEnd = account.LockoutEnd, AccessFailedCount = account.AccessFailedCount,
        IsAdmin = account.IsAdmin, CreatedAt = account.CreatedAt, LastLoginAt = account.LastLoginAt,
    };

    public Task<string> GetUserIdAsync(StudioUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString());
    public Task<string?> GetUserNameAsync(StudioUser user, CancellationToken cancellationToken) => Task.FromResult(user.UserName);
    public Task SetUserNameAsync(StudioUser user, string? userName, CancellationToken cancellationToken) => Set(() => user.UserName = userName);
    public Task<string?> GetNormalizedUserNameAsync(StudioUser user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedUserName);
    public Task SetNormalizedUserNameAsync(StudioUser user, string? normalizedName, CancellationToken cancellationToken) => Set(() => user.NormalizedUserName = normalizedName);

    public Task SetPasswordHashAsync(StudioUser user, string? passwordHash, CancellationToken cancellationToken) => Set(() => user.PasswordHash = passwordHash);
    public Task<string?> GetPasswordHashAsync(StudioUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(StudioUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetEmailAsync(StudioUser user, string? email, CancellationToken cancellationToken) => Set(() => user.Email = email);
    public Task<string?> GetEmailAsync(StudioUser user, CancellationToken cancellationToken) => Task.FromResult(user.Email);
    public Task<bool> GetEmailConfirmedAsync(StudioUser user, CancellationToken cancellationToken) => Task.FromResult(user.EmailConfirmed);
    public Task SetEmailConfirmedAsync(StudioUser user, bool confirmed, CancellationToken cancellationToken) => Set(() => user.EmailConfirmed = confirmed);
    public Task<string?> GetNormalizedEmailAsync(StudioUser user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedEmail);
    public Task SetNormalizedEmailAsync(StudioUser user, string? normalizedEmail, CancellationToken cancellationToken) => Set(() => user.NormalizedEmail = normalizedEmail);

    public Task SetSecurityStampAsync(StudioUser user, string stamp, CancellationToken cancellationToken) => Set(() => user.SecurityStamp = stamp);
    public Task<string?> GetSecurityStampAsync(StudioUser user, CancellationToken cancellationToken) => Task.FromResult(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(StudioUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);
    public Task SetLockoutEndDateAsync(StudioUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) => Set(() => user.LockoutEnd = lockoutEnd);
    public Task<int> IncrementAccessFailedCountAsync(StudioUser user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);
    public Task ResetAccessFailedCountAsync(StudioUser user, CancellationToken cancellationToken) => Set(() => user.AccessFailedCount = 0);
    public Task<int> GetAccessFailedCountAsync(StudioUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(StudioUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);
    public Task SetLockoutEnabledAsync(StudioUser user, bool enabled, CancellationToken cancellationToken) => Set(() => user.LockoutEnabled = enabled);

    public void Dispose()
    {
    }

    private static Task Set(Action change)
    {
        change();
        return Task.CompletedTask;
    }
}
