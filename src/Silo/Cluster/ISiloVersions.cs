using Orleans.Runtime;
using Orleans.Services;

namespace VideoGen.Silo.Cluster;

/// <summary>Asks a given silo of the cluster which version it runs.</summary>
public interface ISiloVersions : IGrainServiceClient<ISiloVersionService>
{
    /// <summary>The version <paramref name="silo"/> runs; fails when the silo does not answer.</summary>
    Task<string> VersionOfAsync(SiloAddress silo);
}
