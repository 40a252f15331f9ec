using VideoGen.TestSupport.Cluster;

namespace VideoGen.TestSupport.Processes;

/// <summary>
/// Silos as an operator runs them: <c>src/Silo</c> processes on one PostgreSQL database, forming one
/// Orleans cluster, each driving one GPU device backed by a fake ComfyUI of its own. The test's side
/// of the store (projects, scheduler, job readers) is a <see cref="QueueCluster"/> without silos.
/// </summary>
public sealed class SiloFleet : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly List<FleetSilo> _silos = [];
    private readonly string _clusterId = $"fleet-{Guid.NewGuid():N}"[..20];
    private readonly string _mediaRoot = Path.Combine(Path.GetTempPath(), "videogen-tests", Guid.NewGuid().ToString("N"), "media");

    private SiloFleet(QueueCluster store) => Store = store;

    /// <summary>The database and the creator's side of the queue.</summary>
    public QueueCluster Store { get; }

    /// <summary>The media folder every silo of the fleet writes to.</summary>
    public string MediaRoot => _mediaRoot;

    /// <summary>Every silo started so far, killed ones included.</summary>
    public IReadOnlyList<FleetSilo> Silos => _silos;

    /// <summary>A fleet of no silos yet on a new PostgreSQL database.</summary>
    public static async Task<SiloFleet> StartAsync() => new(await QueueCluster.StartAsync("postgres"));

    /// <summary>
    /// Starts silo <paramref name="name"/> (device <c>gpu-{name}</c>, prompts lasting <paramref name="jobDuration"/>)
    /// and, unless <paramref name="waitUntilActive"/> is false, waits until it is an active member.
    /// </summary>
    public async Task<FleetSilo> StartSiloAsync(string name, TimeSpan jobDuration, bool waitUntilActive = true, int drainGraceSeconds = 20)
    {
        var comfyUi = await FakeComfyUi.FakeComfyUi.StartAsync();
        comfyUi.JobDuration = jobDuration;
        return await StartAsync(name, comfyUi, waitUntilActive, drainGraceSeconds);
    }

    /// <summary>
    /// Starts <paramref name="previous"/>'s silo again, as systemd does after it died: a new process
    /// of the same name driving the same device on the same ComfyUI, which may still run what the old one sent.
    /// </summary>
    public Task<FleetSilo> RestartSiloAsync(FleetSilo previous) => StartAsync(previous.Host.Name, previous.ComfyUi, waitUntilActive: true, drainGraceSeconds: 20);

    private async Task<FleetSilo> StartAsync(string name, FakeComfyUi.FakeComfyUi comfyUi, bool waitUntilActive, int drainGraceSeconds)
    {
        var device = $"gpu-{name}";
        var started = DateTime.UtcNow;
        var host = HostProcess.Start("Silo", name, new Dictionary<string, string?>
        {
            ["Store:Provider"] = "postgres",
            ["Store:ConnectionString"] = Store.Database.ConnectionString,
            ["Media:Root"] = _mediaRoot,
            ["Silo:Name"] = name,
            ["Cluster:Id"] = _clusterId,
            ["Devices:0:Name"] = device,
            ["Devices:0:Kind"] = "comfyui",
            ["Devices:0:Url"] = comfyUi.BaseUrl.ToString(),
            ["Silo:DrainGraceSeconds"] = drainGraceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var silo = new FleetSilo(host, comfyUi, device, started);
        _silos.Add(silo);
        if (waitUntilActive) await host.HealthyClusterAsync(StartTimeout);
        return silo;
    }

    /// <summary>The silo whose fake ComfyUI received a prompt first, once one did.</summary>
    public async Task<FleetSilo> FirstToReceiveAPromptAsync(TimeSpan timeout)
    {
        FleetSilo? first = null;
        await QueueCluster.WaitUntilAsync(() => Task.FromResult((first = _silos.FirstOrDefault(s => s.ComfyUi.Prompts.Count > 0)) is not null),
            timeout, () => $"a prompt at any device; silo output:\n{string.Join("\n", _silos.Select(s => s.Host.Tail(10)))}");
        return first!;
    }

    /// <summary>
    /// How many prompts each job sent, over every ComfyUI of the fleet (restarted silos' shared ones
    /// counted once): a lane names a prompt's outputs after its job (<c>videogen/{job id}</c>).
    /// </summary>
    public IReadOnlyDictionary<Guid, int> PromptsPerJob() =>
        _silos.Select(s => s.ComfyUi).Distinct()
            .SelectMany(c => c.Prompts)
            .Select(p => p.JobId).OfType<Guid>()
            .CountBy(id => id)
            .ToDictionary();

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos) await silo.Host.DisposeAsync();
        // A restarted silo shares its ComfyUI with the process before it.
        foreach (var comfyUi in _silos.Select(s => s.ComfyUi).Distinct()) await comfyUi.DisposeAsync();
        await Store.DisposeAsync();
        try { Directory.Delete(Path.GetDirectoryName(_mediaRoot)!, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
