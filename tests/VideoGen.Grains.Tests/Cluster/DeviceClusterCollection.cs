using VideoGen.TestSupport.Cluster;

namespace VideoGen.Grains.Tests.Cluster;

/// <summary>The device grain tests that share one cluster whose silos run lanes.</summary>
[CollectionDefinition(Name)]
public sealed class DeviceClusterCollection : ICollectionFixture<DeviceCluster>
{
    public const string Name = "device cluster";
}
