using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using VideoGen.Silo.Extensions;

namespace VideoGen.Silo.Tests;

/// <summary>The membership settings the hosts ship with, an operator's override, and refused values naming their key.</summary>
public sealed class MembershipSettingsTests
{
    [Fact]
    public void AddOrleansCluster_NoMembershipKeys_OrleansGetsTheChosenSettings()
    {
        using var services = Build([]);

        var orleans = services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(2), 3, 2), (orleans.ProbeTimeout, orleans.NumMissedProbesLimit, orleans.NumVotesForDeathDeclaration));
        Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)),
            (orleans.DeathVoteExpirationTimeout, orleans.TableRefreshTimeout, orleans.IAmAliveTablePublishTimeout));
    }

    [Fact]
    public void AddOrleansCluster_OperatorOverride_ReachesOrleans()
    {
        using var services = Build(new() { ["Cluster:Membership:ProbeTimeout"] = "00:00:03", ["Cluster:Membership:NumVotesForDeathDeclaration"] = "3" });

        var orleans = services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(3), 3, 3), (orleans.ProbeTimeout, orleans.NumVotesForDeathDeclaration, orleans.NumMissedProbesLimit));
    }

    [Theory]
    [InlineData("Cluster:Membership:NumMissedProbesLimit", "0")]
    [InlineData("Cluster:Membership:ProbeTimeout", "00:00:00.050")]
    [InlineData("Cluster:Membership:TableRefreshTimeout", "00:00:00")]
    [InlineData("Cluster:Membership:DeathVoteExpirationTimeout", "00:00:10")]
    public void AddOrleansCluster_BadMembershipValue_IsRefusedNamingTheKey(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value);

        Assert.Contains(key, failure.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSilo();
        builder.AddOrleansCluster();
        return builder.Services.BuildServiceProvider();
    }
}
