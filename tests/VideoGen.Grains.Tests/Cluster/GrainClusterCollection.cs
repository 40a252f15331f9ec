namespace VideoGen.Grains.Tests.Cluster;

/// <summary>The grain tests that share one in-memory cluster, as Orleans' own tests do.</summary>
[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainCluster>
{
    public const string Name = "grain cluster";
}
