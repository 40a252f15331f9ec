using Dapper;
using VideoGen.Grains.Storage;

namespace VideoGen.TestSupport;

/// <summary>
/// Accounts written straight into a test database, for tests below the web app that need an
/// owner for their projects (the web app registers accounts through Identity).
/// </summary>
public static class TestAccounts
{
    /// <summary>Inserts an account that cannot sign in (no password) and returns its id.</summary>
    public static Task<Guid> InsertAsync(Database database, string? email = null, bool isAdmin = false)
    {
        var id = Guid.NewGuid();
        var address = email ?? $"{id:N}@example.test";
        return database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                                   security_stamp, concurrency_stamp, lockout_enabled, access_failed_count, is_admin, created_at)
                VALUES (@id, @address, @normalized, @address, @normalized, @no, @stamp, @stamp, @yes, 0, @isAdmin, @now)
                """, new
            {
                id, address, normalized = address.ToUpperInvariant(), no = false, yes = true, isAdmin,
                stamp = Guid.NewGuid().ToString(), now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            }, transaction));
            return id;
        }, CancellationToken.None);
    }
}
