namespace VideoGen.Grains.Storage;

/// <summary>
/// The Data Protection key ring shared by every web node on one database
/// (<c>data_protection_keys</c>). Synchronous: the key manager has no async form.
/// </summary>
public interface IDataProtectionKeyStore
{
    /// <summary>Every stored key element's XML, oldest first.</summary>
    IReadOnlyList<string> All();

    /// <summary>
    /// Stores a new key element unless <paramref name="covered"/> says the stored ones already do
    /// its job; a second node storing the same name keeps the first copy. Writers take turns, so two
    /// nodes cannot both see no key and both store one. True when it was stored.
    /// </summary>
    bool Add(string name, string xml, Func<IReadOnlyList<string>, bool> covered);
}
