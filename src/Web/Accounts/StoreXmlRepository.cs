using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Accounts;

/// <summary>
/// Keeps the Data Protection key ring in the studio's store (<c>data_protection_keys</c>), so
/// every web node on one database protects and unprotects login cookies and bearer tokens with
/// the same keys. Keys are only ever added; the key manager decides which one is current. Nodes
/// that make a key at the same moment take turns storing it, and a key for a period a stored key
/// already covers is not stored: the node then reads the ring again and signs with the stored key.
/// </summary>
public sealed class StoreXmlRepository(Database database) : IXmlRepository
{
    /// <summary>Every stored key element, oldest first.</summary>
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // The key manager calls this synchronously; a synchronous connection avoids blocking on a task.
        using var connection = database.Open();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, name")
            .Select(xml => XElement.Parse(xml))
            .ToArray();
    }

    /// <summary>
    /// Stores a new element unless it is a key another node just stored for the same period
    /// (<see cref="KeyRingCoverage"/>); a second node storing the same name keeps the first copy.
    /// </summary>
    public void StoreElement(XElement element, string friendlyName)
    {
        var name = string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        // Writers take turns (readers are not blocked), so two nodes cannot both see no key and both store one.
        if (database.Provider == StoreProvider.Postgres)
            connection.Execute("LOCK TABLE data_protection_keys IN SHARE ROW EXCLUSIVE MODE", transaction: transaction);
        var stored = connection.Query<string>("SELECT xml FROM data_protection_keys", transaction: transaction).Select(xml => XElement.Parse(xml));
        if (!KeyRingCoverage.IsCovered(element, stored))
            connection.Execute(
                "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @createdAt) ON CONFLICT (name) DO NOTHING",
                new { name, xml = element.ToString(SaveOptions.DisableFormatting), createdAt = UnixTime.ToMs(DateTimeOffset.UtcNow) }, transaction);
        transaction.Commit();
    }
}
