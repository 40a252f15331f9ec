using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Projects;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;

namespace VideoGen.Grains.Tests.Cluster;

/// <summary>
/// An in-memory Orleans cluster of two silos whose grains use one store (a migrated SQLite file),
/// as every host of the studio does: each silo registers the store exactly as the hosts do.
/// </summary>
public sealed class GrainCluster : IAsyncLifetime
{
    /// <summary>The account the tests' projects belong to.</summary>
    public Guid Owner { get; private set; }

    public TestDatabase Database { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>A reader of the store, for checking what the grains saved.</summary>
    public ProjectStore Projects { get; private set; } = null!;

    public SentenceStore Sentences { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateMigratedAsync("sqlite");
        Owner = await TestAccounts.InsertAsync(Database.Database);
        Projects = new ProjectStore(Database.Database, TimeProvider.System);
        Sentences = new SentenceStore(Database.Database, TimeProvider.System);
        var store = new Dictionary<string, string?>
        {
            ["Store:Provider"] = Database.Provider,
            ["Store:ConnectionString"] = Database.ConnectionString,
        };
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(store);
            host.Services.AddVideoGenStore();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Imports a project of <paramref name="sentences"/> sentences through its grain and reads it back.</summary>
    public async Task<Project> ImportAsync(int sentences)
    {
        var script = string.Join(" ", Enumerable.Range(1, sentences).Select(i => $"Scene number {i} shows the harbour at dawn."));
        var id = Guid.NewGuid();
        var result = await Client.GetGrain<IProjectGrain>(id).Import(new ImportProject(Owner, "Harbour", script, AspectRatio.Landscape, null));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return await Projects.GetAsync(id, Owner, CancellationToken.None) ?? throw new InvalidOperationException("The imported project was not stored.");
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }
}
