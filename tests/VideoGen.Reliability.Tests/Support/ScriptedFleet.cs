using VideoGen.Silo.Lanes;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Reliability.Tests.Support;

/// <summary>
/// Silos of a <see cref="QueueCluster"/> whose devices run on scripted backends, with what is
/// needed to prove "exactly once": every backend that ever ran, and a way to bring a killed
/// silo's devices back under a new silo (the same backends, as a restarted process would).
/// </summary>
internal sealed class ScriptedFleet(QueueCluster cluster, TimeSpan jobDuration)
{
    private readonly List<ScriptedBackend> _backends = [];
    private readonly Dictionary<TestSilo, DeviceSpec[]> _devices = [];
    private int _generation;

    public IReadOnlyList<TestSilo> Alive => _devices.Keys.Where(s => !s.Stopped).ToArray();

    /// <summary>
    /// Starts silo <paramref name="name"/> with <paramref name="devices"/> GPU devices of its own
    /// and, as every silo has, a CPU device that speaks the narration.
    /// </summary>
    public async Task<TestSilo> StartSiloAsync(string name, int devices, bool remote = false)
    {
        DeviceSpec[] specs = [.. Enumerable.Range(0, devices).Select(i => Device($"{name}-gpu{i}")), Cpu($"{name}-cpu")];
        return await StartAsync(name, specs, remote);
    }

    /// <summary>Starts a new silo that drives the devices of <paramref name="dead"/> once their hold runs out.</summary>
    public Task<TestSilo> ReplaceAsync(TestSilo dead, bool remote = false) =>
        StartAsync($"{dead.Runtime.Identity.Name}-r{Interlocked.Increment(ref _generation)}", _devices[dead], remote);

    /// <summary>How many times each job was started on any backend.</summary>
    public IReadOnlyDictionary<Guid, int> StartsPerJob() =>
        _backends.SelectMany(b => b.Started).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The most runs that ever overlapped on one backend (one lane of one device).</summary>
    public int MostConcurrentOnOneBackend => _backends.Count == 0 ? 0 : _backends.Max(b => b.MaxConcurrent);

    private DeviceSpec Device(string name)
    {
        var image = new ScriptedBackend($"{name}/image") { Duration = jobDuration, Steps = 1 };
        var video = new ScriptedBackend($"{name}/video") { Duration = jobDuration, Steps = 1 };
        _backends.Add(image);
        _backends.Add(video);
        return QueueCluster.Device(name, image, video);
    }

    private DeviceSpec Cpu(string name)
    {
        var narration = new ScriptedBackend($"{name}/cpu") { Duration = jobDuration, Steps = 1 };
        _backends.Add(narration);
        return QueueCluster.CpuDevice(name, narration);
    }

    private async Task<TestSilo> StartAsync(string name, DeviceSpec[] specs, bool remote)
    {
        var silo = remote ? await cluster.StartRemoteSiloAsync(name, specs) : await cluster.StartSiloAsync(name, specs);
        _devices[silo] = specs;
        return silo;
    }
}
