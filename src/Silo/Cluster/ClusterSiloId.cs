using Orleans.Runtime;

namespace VideoGen.Silo.Cluster;

/// <summary>
/// The name a silo's claims carry in the store (<c>jobs.silo</c>, <c>devices.silo</c>): the operator's
/// name for it and its Orleans address with generation, so a membership entry names exactly the
/// claims of that incarnation, and a silo restarted at the same address is never taken for the old one.
/// </summary>
public static class ClusterSiloId
{
    /// <summary>The store's name for the silo <paramref name="name"/> at <paramref name="address"/>, e.g. <c>gpu-1@10.0.0.5:11111@502300000</c>.</summary>
    public static string For(string name, SiloAddress address) => $"{name}@{address.ToParsableString()}";
}
