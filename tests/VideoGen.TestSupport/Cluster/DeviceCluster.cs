using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Extensions;
using VideoGen.Silo.Lanes;
using Xunit;

namespace VideoGen.TestSupport.Cluster;

/// <summary>
/// An in-process Orleans cluster whose silos run lanes, each registered as the hosts register
/// theirs (<c>AddSilo</c> and the device grains): jobs go through the scene and project grains,
/// lanes are woken by their device grains. By default two silos with scripted backends in place
/// of ComfyUI: the first declares <c>gpu-a</c>, the second <c>gpu-b</c>, each its own CPU device,
/// and the lanes' fallback polls are a minute long, so work that runs within seconds was
/// dispatched by a call to its device grain. <see cref="StartAsync"/> builds any other shape.
/// </summary>
public class DeviceCluster : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Long enough that no test here can be passed by a poll.</summary>
    public static readonly TimeSpan FallbackPoll = TimeSpan.FromMinutes(1);

    /// <summary>The lanes' timings: fast, but with polls far longer than any test waits.</summary>
    public static readonly QueueTimings Timings = QueueCluster.FastTimings with { IdlePoll = FallbackPoll, CancelPoll = FallbackPoll };

    private readonly string _mediaRoot = Path.Combine(Path.GetTempPath(), "videogen-tests", Guid.NewGuid().ToString("N"), "media");

    /// <summary>Per silo (by its Orleans name): the devices it declares.</summary>
    private readonly IReadOnlyDictionary<string, DeviceSpec[]> _devices;
    private readonly string _provider;
    private readonly QueueTimings _timings;

    public DeviceCluster()
        : this("gpu-a", "gpu-b")
    {
    }

    /// <summary>A cluster whose first silo declares <paramref name="firstGpu"/> and whose second declares <paramref name="secondGpu"/>.</summary>
    protected DeviceCluster(string firstGpu, string secondGpu)
        : this(new Dictionary<string, DeviceSpec[]>
        {
            ["Silo_0"] = [Gpu(firstGpu), QueueCluster.CpuDevice("cpu-a", new ScriptedBackend("cpu-a/cpu"))],
            ["Silo_1"] = [Gpu(secondGpu), QueueCluster.CpuDevice("cpu-b", new ScriptedBackend("cpu-b/cpu"))],
        }, "sqlite", Timings)
    {
    }

    /// <summary>A cluster of one silo per entry of <paramref name="devices"/> (keys <c>Silo_0</c>, <c>Silo_1</c>, ...), on the <paramref name="provider"/> store.</summary>
    protected DeviceCluster(IReadOnlyDictionary<string, DeviceSpec[]> devices, string provider, QueueTimings timings)
    {
        _devices = devices;
        _provider = provider;
        _timings = timings;
    }

    /// <summary>Starts a cluster of one silo per entry of <paramref name="devices"/> (keys <c>Silo_0</c>, <c>Silo_1</c>, ...).</summary>
    public static async Task<DeviceCluster> StartAsync(IReadOnlyDictionary<string, DeviceSpec[]> devices, string provider, QueueTimings timings)
    {
        var cluster = new DeviceCluster(devices, provider, timings);
        await cluster.InitializeAsync();
        return cluster;
    }

    /// <summary>The silos' media folder.</summary>
    public string MediaRoot => _mediaRoot;

    public Guid Owner { get; private set; }
    public TestDatabase Database { get; private set; } = null!;
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;
    public JobReader Jobs { get; private set; } = null!;
    public SentenceStore Sentences { get; private set; } = null!;

    /// <summary>Every scripted backend of every device, by silo, device name and lane.</summary>
    public IReadOnlyDictionary<(string Silo, string Device, Lane Lane), ScriptedBackend> SiloBackends =>
        _devices.SelectMany(silo => silo.Value.SelectMany(d => d.Backends.Select(b => (Key: (silo.Key, d.Device.Name, b.Key), Backend: b.Value as ScriptedBackend))))
            .Where(b => b.Backend is not null).ToDictionary(b => b.Key, b => b.Backend!);

    /// <summary>Every backend of every device, by device name and lane (each device declared once).</summary>
    public IReadOnlyDictionary<(string Device, Lane Lane), ScriptedBackend> Backends =>
        SiloBackends.ToDictionary(b => (b.Key.Device, b.Key.Lane), b => b.Value);

    /// <summary>The Orleans names of the silos that declare <paramref name="device"/>, the first started first.</summary>
    public IReadOnlyList<string> SilosDeclaring(string device) => _devices.Where(d => d.Value.Any(s => s.Device.Name == device)).Select(d => d.Key).ToArray();

    /// <summary>The Orleans name of the one silo that declares <paramref name="device"/>.</summary>
    public string SiloDeclaring(string device) => SilosDeclaring(device).Single();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateMigratedAsync(_provider);
        Owner = await TestAccounts.InsertAsync(Database.Database);
        Jobs = new JobReader(Database.Database);
        Sentences = new SentenceStore(Database.Database, TimeProvider.System);
        var builder = new InProcessTestClusterBuilder((short)_devices.Count);
        builder.ConfigureSiloHost((options, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Store:Provider"] = Database.Provider,
                ["Store:ConnectionString"] = Database.ConnectionString,
                ["Media:Root"] = _mediaRoot,
                ["Silo:Name"] = options.SiloName,
                ["Silo:DrainGraceSeconds"] = "0",
            });
            host.Services.AddVideoGenStore();
            host.AddSilo();
            host.Services.AddSingleton(_timings);
            host.Services.AddSingleton<IDeviceSource>(new FixedDevices(_devices[options.SiloName]));
        });
        builder.ConfigureSilo((options, silo) => silo.AddDeviceGrains(
            _devices[options.SiloName].Select(d => new DeviceDeclaration(d.Device.Name, d.Device.Kind, d.Device.Lanes)).ToArray()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Imports a project of <paramref name="sentences"/> sentences through its grain; returns it as stored.</summary>
    public Task<Project> ImportAsync(int sentences) =>
        ClusterProjects.ImportAsync(Client, new ProjectStore(Database.Database, TimeProvider.System), Owner, sentences);

    /// <summary>Waits until the job reaches <paramref name="status"/>; the wait is far shorter than the lanes' fallback poll.</summary>
    public async Task<GenerationJob> WaitForJobAsync(Guid jobId, JobStatus status, TimeSpan? timeout = null)
    {
        GenerationJob? job = null;
        await QueueCluster.WaitUntilAsync(async () => (job = await Jobs.GetAsync(jobId, CancellationToken.None))?.Status == status,
            timeout ?? TimeSpan.FromSeconds(15), () => $"job {jobId} to be {status} (it is {job?.Status.ToString() ?? "not stored"})");
        return job!;
    }

    public async Task DisposeAsync()
    {
        foreach (var backend in SiloBackends.Values) backend.Release();
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
        try { Directory.Delete(Path.GetDirectoryName(_mediaRoot)!, recursive: true); }
        catch (IOException) { }
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private static DeviceSpec Gpu(string name) =>
        QueueCluster.Device(name, new ScriptedBackend($"{name}/image"), new ScriptedBackend($"{name}/video"), DeviceKind.Preview);

    private sealed class FixedDevices(IReadOnlyList<DeviceSpec> devices) : IDeviceSource
    {
        public IReadOnlyList<DeviceSpec> Build() => devices;
    }
}
