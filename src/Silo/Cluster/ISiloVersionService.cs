using Orleans.Services;

namespace VideoGen.Silo.Cluster;

/// <summary>One per silo (an Orleans grain service): answers which build of the studio that silo runs, for the devices page.</summary>
[Alias("VideoGen.Silo.Cluster.ISiloVersionService")]
public interface ISiloVersionService : IGrainService
{
    /// <summary>The informational version of the studio build the silo runs.</summary>
    [Alias("GetVersion")]
    Task<string> GetVersion();
}
