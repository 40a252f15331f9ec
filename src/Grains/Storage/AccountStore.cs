using Dapper;

namespace VideoGen.Grains.Storage;

/// <summary>Accounts on the store's database (SQLite or PostgreSQL).</summary>
public sealed class AccountStore(Database database) : IAccountStore
{
    public async Task<AccountCreation> CreateAsync(AccountRecord account, bool registrationOpen, CancellationToken ct)
    {
        try
        {
            return await database.WriteAsync(async (connection, transaction) =>
            {
                // A table lock on PostgreSQL (the write lock on SQLite): "is this the first account?" still holds at commit.
                await database.LockTableAsync(connection, transaction, "users", ct);
                var existing = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM users", transaction: transaction, cancellationToken: ct));
                if (existing > 0 && !registrationOpen) return new AccountCreation(AccountWriteResult.RegistrationClosed, false);
                var isAdmin = existing == 0;
                await connection.ExecuteAsync(new CommandDefinition(
                    $"INSERT INTO users ({AccountRow.Columns}) VALUES ({AccountRow.Parameters})",
                    AccountRow.From(account with { IsAdmin = isAdmin }), transaction, cancellationToken: ct));
                if (isAdmin) await ProjectStore.ClaimUnownedAsync(connection, transaction, account.Id, ct);
                return new AccountCreation(AccountWriteResult.Written, isAdmin);
            }, ct);
        }
        catch (Exception e) when (database.IsUniqueViolation(e))
        {
            return new AccountCreation(AccountWriteResult.Duplicate, false);
        }
    }

    public async Task<AccountWriteResult> UpdateAsync(AccountRecord account, string? expectedStamp, CancellationToken ct)
    {
        try
        {
            var updated = await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition("""
                UPDATE users SET user_name = @UserName, normalized_user_name = @NormalizedUserName, email = @Email,
                    normalized_email = @NormalizedEmail, email_confirmed = @EmailConfirmed, password_hash = @PasswordHash,
                    security_stamp = @SecurityStamp, concurrency_stamp = @ConcurrencyStamp, lockout_enabled = @LockoutEnabled,
                    lockout_end = @LockoutEnd, access_failed_count = @AccessFailedCount
                WHERE id = @Id AND concurrency_stamp = @Expected
                """, AccountRow.From(account, expectedStamp), transaction, cancellationToken: ct)), ct);
            return updated == 1 ? AccountWriteResult.Written : AccountWriteResult.Conflict;
        }
        catch (Exception e) when (database.IsUniqueViolation(e))
        {
            return AccountWriteResult.Duplicate;
        }
    }

    public async Task<bool> DeleteAsync(Guid id, string? concurrencyStamp, CancellationToken ct) =>
        await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM users WHERE id = @id AND concurrency_stamp = @concurrencyStamp",
            new { id, concurrencyStamp }, transaction, cancellationToken: ct)), ct) == 1;

    public Task<AccountRecord?> FindByIdAsync(Guid id, CancellationToken ct) => FindAsync("id = @value", id, ct);

    public Task<AccountRecord?> FindByNormalizedUserNameAsync(string normalizedUserName, CancellationToken ct) =>
        FindAsync("normalized_user_name = @value", normalizedUserName, ct);

    public Task<AccountRecord?> FindByNormalizedEmailAsync(string normalizedEmail, CancellationToken ct) =>
        FindAsync("normalized_email = @value", normalizedEmail, ct);

    public Task<bool> HasAccountsAsync(CancellationToken ct) =>
        database.ReadAsync(async connection => await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM users", cancellationToken: ct)) > 0, ct);

    public Task RecordLoginAsync(Guid id, DateTimeOffset at, CancellationToken ct) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET last_login_at = @at WHERE id = @id", new { id, at = UnixTime.ToMs(at) }, transaction, cancellationToken: ct)), ct);

    private Task<AccountRecord?> FindAsync<T>(string condition, T value, CancellationToken ct) =>
        database.ReadAsync(async connection =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
                $"SELECT {AccountRow.Columns} FROM users WHERE {condition}", new { value }, cancellationToken: ct));
            return row?.ToRecord();
        }, ct);
}
