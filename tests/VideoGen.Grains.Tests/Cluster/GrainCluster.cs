using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Projects;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Extensions;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Grains.Tests.Cluster;

/// <summary>
/// An in-memory Orleans cluster of two silos whose grains use one store (a migrated SQLite file),
/// as every host of the studio does: each silo registers the store exactly as the hosts do.
/// </summary>
public sealed class GrainCluster : IAsyncLifetime
{
    /// <summary>How many takes of a kind a scene keeps on this cluster: few, so a test reaches the bound.</summary>
    public const int KeepPerAsset = 5;

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
            ["Takes:KeepPerAsset"] = KeepPerAsset.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(store);
            host.Services.AddVideoGenStore();
        });
        // Silos that declare no device: the grains' dispatch finds no lane to wake.
        builder.ConfigureSilo((_, silo) => silo.AddDeviceGrains([]));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Whether the project <paramref name="projectId"/> is stored and is the tests' account's.</summary>
    public async Task<bool> OwnsAsync(Guid projectId) =>
        await new OwnershipStore(Database.Database).ProjectOfAsync(OwnedKind.Project, projectId, Owner, CancellationToken.None) is not null;

    /// <summary>Imports a project of <paramref name="sentences"/> sentences through its grain and reads it back.</summary>
    public Task<Project> ImportAsync(int sentences) => ClusterProjects.ImportAsync(Client, Projects, Owner, sentences);

    /// <summary>A one-scene project whose scene has an image, a clip and narration, nothing stale.</summary>
    public async Task<Sentence> GeneratedSceneAsync()
    {
        var sentence = (await ImportAsync(1)).Sentences.Single();
        var now = DateTimeOffset.UtcNow;
        return await Sentences.UpdateAsync(sentence.Id, s =>
        {
            s.AudioStored($"audio/{s.Id}.wav", 3.0, now);
            s.ImageStored($"images/{s.Id}.png", now);
            s.VideoStored($"videos/{s.Id}.mp4", now);
        }, CancellationToken.None) ?? throw new InvalidOperationException("The scene vanished.");
    }

    /// <summary>
    /// Takes the next job of <paramref name="lane"/> as a silo's lane would, on a device held by a
    /// silo named for the tests: the job and its claim token, or null when none is waiting.
    /// </summary>
    public async Task<ClaimedJob?> ClaimAsync(Lane lane)
    {
        const string silo = "grain-tests";
        // A device of its own for each claim: a lane runs one job at a time, and a test may leave one running.
        var device = $"{lane}-{Guid.NewGuid():N}".ToLowerInvariant();
        var kind = lane == Lane.Cpu ? DeviceKind.Cpu : DeviceKind.Preview;
        var registry = new DeviceRegistry(Database.Database, new QueueTimings(), TimeProvider.System);
        await registry.HeartbeatAsync(new GpuDevice(device, kind, GpuDevice.LanesOf(kind)), silo, answering: true, CancellationToken.None);
        var queue = new JobQueue(Database.Database, NoLanes.Instance, new QueueTimings(), TimeProvider.System, NullLogger<JobQueue>.Instance);
        return await queue.ClaimAsync(device, lane, silo, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }
}
