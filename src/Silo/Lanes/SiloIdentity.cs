namespace VideoGen.Silo.Lanes;

/// <summary>
/// Who a silo is: the operator's name for it (<paramref name="Name"/>), and the name its claims carry
/// in the store (<paramref name="Id"/>, see <see cref="Cluster.ClusterSiloId"/>): that name with its membership
/// address and generation, so a restarted silo (or a second one started by mistake under the same name)
/// is never taken for the old one, and a death declaration names exactly its claims.
/// </summary>
public sealed record SiloIdentity(string Name, string Id);
