using Dapper;

namespace VideoGen.Grains.Storage;

/// <summary>The key ring on the store's database. Keys are only ever added; the key manager decides which one is current.</summary>
public sealed class DataProtectionKeyStore(Database database, TimeProvider clock) : IDataProtectionKeyStore
{
    public IReadOnlyList<string> All()
    {
        // The key manager calls this synchronously; a synchronous connection avoids blocking on a task.
        using var connection = database.Open();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, name").ToArray();
    }

    public bool Add(string name, string xml, Func<IReadOnlyList<string>, bool> covered)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        // Writers take turns (readers are not blocked); SQLite's single writer already does.
        if (database.Provider == StoreProvider.Postgres)
            connection.Execute("LOCK TABLE data_protection_keys IN SHARE ROW EXCLUSIVE MODE", transaction: transaction);
        var stored = connection.Query<string>("SELECT xml FROM data_protection_keys", transaction: transaction).ToArray();
        var added = !covered(stored) && connection.Execute(
            "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @createdAt) ON CONFLICT (name) DO NOTHING",
            new { name, xml, createdAt = UnixTime.ToMs(clock.GetUtcNow()) }, transaction) > 0;
        transaction.Commit();
        return added;
    }
}
