using VideoGen.Silo.Lanes;

namespace VideoGen.TestSupport.Cluster;

/// <summary>Identities for the silos of <see cref="QueueCluster"/>, which run lanes without Orleans and so have no membership address.</summary>
public static class TestSiloIdentity
{
    /// <summary>The operator's <paramref name="name"/> with a per-instance suffix, so a restarted test silo is never taken for the old one.</summary>
    public static SiloIdentity New(string name) => new(name, $"{name}-{Guid.NewGuid().ToString("N")[..8]}");
}
