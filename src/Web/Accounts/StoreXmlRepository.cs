using System.Xml.Linq;
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
public sealed class StoreXmlRepository(IDataProtectionKeyStore keys) : IXmlRepository
{
    /// <summary>Every stored key element, oldest first.</summary>
    public IReadOnlyCollection<XElement> GetAllElements() => keys.All().Select(xml => XElement.Parse(xml)).ToArray();

    /// <summary>
    /// Stores a new element unless it is a key another node just stored for the same period
    /// (<see cref="KeyRingCoverage"/>); a second node storing the same name keeps the first copy.
    /// </summary>
    public void StoreElement(XElement element, string friendlyName)
    {
        var name = string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        var xml = element.ToString(SaveOptions.DisableFormatting);
        keys.Add(name, xml, stored => KeyRingCoverage.IsCovered(element, stored.Select(x => XElement.Parse(x))));
    }
}
