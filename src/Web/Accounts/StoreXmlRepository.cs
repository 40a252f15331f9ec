using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Accounts;

/// <summary>
/// Keeps the Data Protection key ring in the studio's store, so every web node on one database
/// protects and unprotects login cookies and bearer tokens with the same keys.
/// </summary>
public sealed class StoreXmlRepository(IDataProtectionKeyStore keys) : IXmlRepository
{
    /// <summary>Every stored key element, oldest first.</summary>
    public IReadOnlyCollection<XElement> GetAllElements() => keys.All().Select(xml => XElement.Parse(xml)).ToArray();

    /// <summary>Stores a new key element; a second node storing the same name keeps the first copy.</summary>
    public void StoreElement(XElement element, string friendlyName)
    {
        var name = string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        keys.Add(name, element.ToString(SaveOptions.DisableFormatting));
    }
}
