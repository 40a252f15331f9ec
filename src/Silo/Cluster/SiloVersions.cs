using Orleans.Runtime;
using Orleans.Runtime.Services;

namespace VideoGen.Silo.Cluster;

/// <summary>Reaches each silo's <see cref="ISiloVersionService"/> by its address.</summary>
internal sealed class SiloVersions(IServiceProvider services) : GrainServiceClient<ISiloVersionService>(services), ISiloVersions
{
    public Task<string> VersionOfAsync(SiloAddress silo) => GetGrainService(silo).GetVersion();
}
