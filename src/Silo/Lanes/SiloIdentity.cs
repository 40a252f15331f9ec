namespace VideoGen.Silo.Lanes;

/// <summary>
/// Who a silo is: the operator's name for it, plus a per-process suffix so a restarted silo
/// (or a second one started by mistake under the same name) is never taken for the old one.
/// </summary>
public sealed record SiloIdentity(string Name, string Id)
{
    public static SiloIdentity New(string name) => new(name, $"{name}-{Guid.NewGuid().ToString("N")[..8]}");
}
