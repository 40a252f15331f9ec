using System.Text.Json;
using Dapper;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Processes;

namespace VideoGen.Web.Tests.Cluster;

/// <summary>
/// A web node and a standalone silo, each its own process, on one PostgreSQL database: they form
/// one Orleans cluster through the membership tables our migration creates, read and written by
/// Orleans' ADO.NET provider through the queries that migration stores.
/// </summary>
public sealed class MembershipTests
{
    private const int Active = 3;
    private const int Dead = 6;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [PostgresFact]
    public async Task WebAndSilo_OnOneDatabase_AreBothActiveInOneCluster()
    {
        await using var db = await TestDatabase.CreateAsync("postgres");
        await using var web = HostProcess.Start("Web", "web-1", Settings(db, "web-1", ClusterPorts.Settings()));
        await using var silo = HostProcess.Start("Silo", "gpu-1", Settings(db, "gpu-1", ClusterPorts.Settings()));

        var webCluster = await web.HealthyClusterAsync(StartTimeout);
        var siloCluster = await silo.HealthyClusterAsync(StartTimeout);

        Assert.Equal(("membership-test", "active"), (webCluster.GetProperty("id").GetString(), webCluster.GetProperty("status").GetString()));
        Assert.Equal(("membership-test", "active"), (siloCluster.GetProperty("id").GetString(), siloCluster.GetProperty("status").GetString()));
        var members = await MembersAsync(db);
        Assert.Equal([("gpu-1", Active, Address(siloCluster)), ("web-1", Active, Address(webCluster))], members.Select(m => (m.SiloName, m.Status, m.Address)));
    }

    [PostgresFact]
    public async Task Silo_KilledAndRestartedAtTheSameAddress_RejoinsActiveAndItsOldSelfIsDead()
    {
        await using var db = await TestDatabase.CreateAsync("postgres");
        var siloPorts = ClusterPorts.Settings();
        await using var web = HostProcess.Start("Web", "web-1", Settings(db, "web-1", ClusterPorts.Settings()));
        await using var first = HostProcess.Start("Silo", "gpu-1", Settings(db, "gpu-1", siloPorts));
        await web.HealthyClusterAsync(StartTimeout);
        var before = Address(await first.HealthyClusterAsync(StartTimeout));

        await first.KillAsync();
        await using var second = HostProcess.Start("Silo", "gpu-1", Settings(db, "gpu-1", siloPorts));
        var after = Address(await second.HealthyClusterAsync(StartTimeout));

        Assert.Equal(Endpoint(before), Endpoint(after));
        Assert.NotEqual(before, after);
        var members = await MembersAsync(db);
        Assert.Equal(Active, members.Single(m => m.Address == after).Status);
        Assert.Equal(Dead, members.Single(m => m.Address == before).Status);
        Assert.Equal(Active, members.Single(m => m.SiloName == "web-1").Status);
    }

    private static Dictionary<string, string?> Settings(TestDatabase db, string name, Dictionary<string, string?> ports) => new(ports)
    {
        ["Store:Provider"] = "postgres",
        ["Store:ConnectionString"] = db.ConnectionString,
        ["Media:Root"] = Path.Combine(Path.GetTempPath(), "videogen-tests", Guid.NewGuid().ToString("N"), "media"),
        ["Silo:Name"] = name,
        ["Cluster:Id"] = "membership-test",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>A silo's address as <c>/health</c> and the membership table give it: <c>ip:port@generation</c>.</summary>
    private static string Address(JsonElement cluster) => cluster.GetProperty("silo").GetString()!;

    private static string Endpoint(string address) => address[..address.IndexOf('@', StringComparison.Ordinal)];

    private static async Task<List<(string SiloName, int Status, string Address)>> MembersAsync(TestDatabase db)
    {
        var rows = await db.Database.ReadAsync(c => c.QueryAsync<(string, int, string)>(
            "SELECT silo_name, status, address || ':' || port || '@' || generation FROM orleans_membership WHERE cluster_id = 'membership-test' ORDER BY silo_name, generation"),
            CancellationToken.None);
        return rows.ToList();
    }
}
