using System.Data.Common;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Accounts;

/// <summary>
/// Identity's user store on the studio's database (SQLite or PostgreSQL) with Dapper.
/// Identity changes the user object through the setters below and then saves it whole with
/// <see cref="UpdateAsync"/>, guarded by the concurrency stamp.
/// </summary>
public sealed class UserStore(Database database, TimeProvider clock, IOptions<AccountsOptions> options, IdentityErrorDescriber errors) :
    IUserPasswordStore<StudioUser>, IUserEmailStore<StudioUser>, IUserSecurityStampStore<StudioUser>, IUserLockoutStore<StudioUser>
{
    private const string Columns =
        "id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash, security_stamp, " +
        "concurrency_stamp, lockout_enabled, lockout_end, access_failed_count, is_admin, created_at, last_login_at";

    /// <summary>
    /// Saves a new account. Registrations take turns (a table lock on PostgreSQL, the write lock
    /// on SQLite), so exactly one account becomes the operator however many register at once:
    /// the first. It also takes over the projects made before accounts existed. When
    /// registration is closed, only that first account is accepted.
    /// </summary>
    public async Task<IdentityResult> CreateAsync(StudioUser user, CancellationToken cancellationToken)
    {
        try
        {
            return await database.WriteAsync(async (connection, transaction) =>
            {
                await database.LockTableAsync(connection, transaction, "users", cancellationToken);
                var existing = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM users", transaction: transaction, cancellationToken: cancellationToken));
                if (existing > 0 && !options.Value.AllowRegistration) return IdentityResult.Failed(AccountErrors.RegistrationClosed);
                user.IsAdmin = existing == 0;
                user.CreatedAt = clock.GetUtcNow();
                await connection.ExecuteAsync(new CommandDefinition(
                    $"INSERT INTO users ({Columns}) VALUES ({Parameters})", UserRow.From(user), transaction, cancellationToken: cancellationToken));
                if (user.IsAdmin) await ProjectStore.ClaimUnownedAsync(connection, transaction, user.Id, cancellationToken);
                return IdentityResult.Success;
            }, cancellationToken);
        }
        catch (Exception e) when (database.IsUniqueViolation(e))
        {
            return IdentityResult.Failed(errors.DuplicateEmail(user.Email ?? user.UserName ?? ""));
        }
    }

    public async Task<IdentityResult> UpdateAsync(StudioUser user, CancellationToken cancellationToken)
    {
        var expected = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            var updated = await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition("""
                UPDATE users SET user_name = @UserName, normalized_user_name = @NormalizedUserName, email = @Email,
                    normalized_email = @NormalizedEmail, email_confirmed = @EmailConfirmed, password_hash = @PasswordHash,
                    security_stamp = @SecurityStamp, concurrency_stamp = @ConcurrencyStamp, lockout_enabled = @LockoutEnabled,
                    lockout_end = @LockoutEnd, access_failed_count = @AccessFailedCount
                WHERE id = @Id AND concurrency_stamp = @Expected
                """, UserRow.From(user, expected), transaction, cancellationToken: cancellationToken)), cancellationToken);
            if (updated == 1) return IdentityResult.Success;
        }
        catch (Exception e) when (database.IsUniqueViolation(e))
        {
            user.ConcurrencyStamp = expected;
            return IdentityResult.Failed(errors.DuplicateEmail(user.Email ?? ""));
        }
        user.ConcurrencyStamp = expected;
        return IdentityResult.Failed(errors.ConcurrencyFailure());
    }

    public async Task<IdentityResult> DeleteAsync(StudioUser user, CancellationToken cancellationToken)
    {
        var deleted = await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM users WHERE id = @Id AND concurrency_stamp = @ConcurrencyStamp",
            new { user.Id, user.ConcurrencyStamp }, transaction, cancellationToken: cancellationToken)), cancellationToken);
        return deleted == 1 ? IdentityResult.Success : IdentityResult.Failed(errors.ConcurrencyFailure());
    }

    public Task<StudioUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Guid.TryParse(userId, out var id) ? FindAsync("id = @value", id, cancellationToken) : Task.FromResult<StudioUser?>(null);

    public Task<StudioUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindAsync("normalized_user_name = @value", normalizedUserName, cancellationToken);

    public Task<StudioUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        FindAsync("normalized_email = @value", normalizedEmail, cancellationToken);

    /// <summary>Whether any account exists yet (the first one may always register).</summary>
    public Task<bool> HasAccountsAsync(CancellationToken ct) =>
        database.ReadAsync(async connection => await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM users", cancellationToken: ct)) > 0, ct);

    /// <summary>Notes a successful sign-in; kept apart from <see cref="UpdateAsync"/> so it never races Identity's own saves.</summary>
    public async Task RecordLoginAsync(StudioUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET last_login_at = @at WHERE id = @Id", new { user.Id, at = UnixTime.ToMs(now) }, transaction, cancellationToken: ct)), ct);
        user.LastLoginAt = now;
    }

    private Task<StudioUser?> FindAsync<T>(string condition, T value, CancellationToken ct) =>
        database.ReadAsync(async connection =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
                $"SELECT {Columns} FROM users WHERE {condition}", new { value }, cancellationToken: ct));
            return row?.ToUser();
        }, ct);

    private static string Parameters => string.Join(", ", UserRow.Properties.Select(p => "@" + p));

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
