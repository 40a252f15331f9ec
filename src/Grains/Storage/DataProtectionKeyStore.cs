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

    public void Add(string name, string xml)
    {
        using var connection = database.Open();
        connection.Execute(
            "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @createdAt) ON CONFLICT (name) DO NOTHING",
            new { name, xml, createdAt = UnixTime.ToMs(clock.GetUtcNow()) });
    }
}
