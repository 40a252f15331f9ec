using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Lanes;

namespace VideoGen.TestSupport.Cluster;

/// <summary>
/// Several silos in one process against one store (a SQLite file or a PostgreSQL database),
/// each with its own devices, and the creator's side of the queue. Silos can be killed
/// abruptly, drained, or frozen past their leases.
/// </summary>
public sealed class QueueCluster : IAsyncDisposable
{
    /// <summary>
    /// Leases and polls short enough for tests to watch rescues in seconds, with a lease long
    /// enough that a loaded 2-core CI machine does not miss renewals and rescue healthy jobs.
    /// </summary>
    public static readonly QueueTimings FastTimings = new()
    {
        Lease = TimeSpan.FromSeconds(5),
        Heartbeat = TimeSpan.FromMilliseconds(300),
        RescueInterval = TimeSpan.FromMilliseconds(300),
        CancelPoll = TimeSpan.FromMilliseconds(100),
        IdlePoll = TimeSpan.FromMilliseconds(200),
        ProgressInterval = TimeSpan.FromMilliseconds(50),
        RetryBackoff = TimeSpan.FromMilliseconds(50),
        MaxRetryBackoff = TimeSpan.FromMilliseconds(200),
    };

    private readonly List<TestSilo> _silos = [];
    private readonly string _mediaRoot;

    private QueueCluster(TestDatabase database, Guid owner, QueueTimings timings, ILoggerFactory logs)
    {
        Database = database;
        Owner = owner;
        Timings = timings;
        Logs = logs;
        _mediaRoot = Path.Combine(Path.GetTempPath(), "videogen-tests", Guid.NewGuid().ToString("N"), "media");
        Media = new MediaFiles(_mediaRoot);
        var db = database.Database;
        Scheduler = new JobScheduler(db, Lanes, TimeProvider.System);
        Jobs = new JobReader(db);
        Projects = new ProjectStore(db, TimeProvider.System);
        Sentences = new SentenceStore(db, TimeProvider.System);
        Registry = new DeviceRegistry(db, timings, TimeProvider.System);
        Events = new EventStore(db);
        Exports = new ExportScheduler(db, Lanes, Scheduler, TimeProvider.System);
        ExportViews = new ExportReader(db);
    }

    public TestDatabase Database { get; }

    /// <summary>The account the cluster's projects belong to.</summary>
    public Guid Owner { get; }

    public QueueTimings Timings { get; }
    public ILoggerFactory Logs { get; }

    /// <summary>How the cluster's silos are woken: the device grains' part, done in-process.</summary>
    public InProcessLanes Lanes { get; } = new();
    public MediaFiles Media { get; }
    public JobScheduler Scheduler { get; }
    public JobReader Jobs { get; }
    public ProjectStore Projects { get; }
    public SentenceStore Sentences { get; }
    public DeviceRegistry Registry { get; }
    public EventStore Events { get; }
    public ExportScheduler Exports { get; }
    public ExportReader ExportViews { get; }
    public IReadOnlyList<TestSilo> Silos => _silos;

    public static async Task<QueueCluster> StartAsync(string provider, QueueTimings? timings = null, ILoggerFactory? logs = null, TakeOptions? takes = null)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        var owner = await TestAccounts.InsertAsync(database.Database);
        return new(database, owner, timings ?? FastTimings, logs ?? NullLoggerFactory.Instance) { Takes = takes ?? new TakeOptions() };
    }

    /// <summary>How many takes a scene keeps on this cluster's silos.</summary>
    public TakeOptions Takes { get; private init; } = new();

    /// <summary>A queue for a silo of this cluster (the real one; tests may wrap it).</summary>
    public JobQueue NewQueue() => new(Database.Database, Lanes, Timings, TimeProvider.System, Logs.CreateLogger<JobQueue>(), takes: Takes);

    /// <summary>A device whose image and video lanes run on the given backends.</summary>
    public static DeviceSpec Device(string name, IDeviceBackend image, IDeviceBackend video, DeviceKind kind = DeviceKind.ComfyUi) =>
        new(new GpuDevice(name, kind, [Lane.Image, Lane.Video]), new Dictionary<Lane, IDeviceBackend> { [Lane.Image] = image, [Lane.Video] = video });

    /// <summary>A CPU device (narration and exports) whose one lane runs on <paramref name="backend"/>.</summary>
    public static DeviceSpec CpuDevice(string name, IDeviceBackend backend) => DeviceCatalog.Cpu(name, backend);

    /// <summary>Starts a silo driving <paramref name="specs"/>.</summary>
    public async Task<TestSilo> StartSiloAsync(string name, params DeviceSpec[] specs)
    {
        var queue = new PausableQueue(NewQueue());
        var runtime = new SiloRuntime(TestSiloIdentity.New(name), specs, queue, Registry, Media, Timings, Logs);
        await runtime.StartAsync(CancellationToken.None);
        Lanes.Add(runtime);
        var silo = new TestSilo(runtime, queue);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>
    /// Starts a silo as another process would run it, with a cluster call to its device grains lost:
    /// the cluster's dispatch never reaches it, so only its lanes' slow poll wakes it.
    /// </summary>
    public async Task<TestSilo> StartRemoteSiloAsync(string name, params DeviceSpec[] specs)
    {
        var queue = new PausableQueue(new JobQueue(Database.Database, NoLanes.Instance, Timings, TimeProvider.System, Logs.CreateLogger<JobQueue>(), takes: Takes));
        var runtime = new SiloRuntime(TestSiloIdentity.New(name), specs, queue, Registry, Media, Timings, Logs);
        await runtime.StartAsync(CancellationToken.None);
        var silo = new TestSilo(runtime, queue);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>A stored project of <see cref="Owner"/> made from <paramref name="script"/>.</summary>
    public async Task<Project> ImportAsync(string script, AspectRatio ratio = AspectRatio.Landscape)
    {
        var project = Project.Import(Owner, "Test project", script, ratio, null, DateTimeOffset.UtcNow).Value
            ?? throw new InvalidOperationException("The test script did not import.");
        await Projects.CreateAsync(project, CancellationToken.None);
        return project;
    }

    /// <summary>A script of <paramref name="count"/> sentences.</summary>
    public static string Script(int count) => string.Join(' ', Enumerable.Range(1, count).Select(i => $"Scene number {i} unfolds."));

    /// <summary>The most jobs on the device of one lane right now (the lane invariant says at most one).</summary>
    public Task<int> MostRunningOnOneLaneAsync() => Database.MostOnOneDeviceLaneAsync();

    /// <summary>Waits until <paramref name="condition"/> holds, or fails the test with <paramref name="what"/>.</summary>
    public static Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        WaitUntilAsync(condition, timeout, () => what);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, or fails the test with <paramref name="what"/>,
    /// asked only then so that it can tell what the last check saw.
    /// </summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {what()}.");
            await Task.Delay(25);
        }
    }

    /// <summary>Waits until the job reaches <paramref name="status"/> and returns it.</summary>
    public async Task<GenerationJob> WaitForJobAsync(Guid jobId, JobStatus status, TimeSpan? timeout = null)
    {
        GenerationJob? job = null;
        await WaitUntilAsync(async () => (job = await Jobs.GetAsync(jobId, CancellationToken.None))?.Status == status,
            timeout ?? TimeSpan.FromSeconds(20), () => $"job {jobId} to be {status} (it is {job?.Status.ToString() ?? "not stored"})");
        return job!;
    }

    /// <summary>Waits until the project has <paramref name="count"/> jobs and all of them succeeded, and returns them.</summary>
    public async Task<IReadOnlyList<GenerationJob>> WaitForProjectAsync(Guid projectId, int count, TimeSpan? timeout = null)
    {
        IReadOnlyList<GenerationJob> jobs = [];
        await WaitUntilAsync(async () =>
        {
            jobs = await Jobs.ListByProjectAsync(projectId, CancellationToken.None);
            return jobs.Count == count && jobs.All(j => j.Status == JobStatus.Succeeded);
        }, timeout ?? TimeSpan.FromSeconds(20), () => $"the {count} jobs of project {projectId} to succeed (it has {Census(jobs)})");
        return jobs;
    }

    private static string Census(IReadOnlyList<GenerationJob> jobs)
    {
        if (jobs.Count == 0) return "no jobs";
        var counts = jobs.GroupBy(j => (j.Kind, j.Status)).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.Kind} {g.Key.Status}");
        var error = jobs.FirstOrDefault(j => j.Error is not null)?.Error;
        return $"{jobs.Count} jobs: {string.Join(", ", counts)}" + (error is null ? "" : $"; an error: {error}");
    }

    /// <summary>Queues a new image for the scene (no clip after it) and waits until the job finished, however it ended.</summary>
    public async Task<GenerationJob> RegenerateImageToEndAsync(Guid sentenceId, TimeSpan? timeout = null)
    {
        var job = (await Scheduler.RegenerateImageAsync(sentenceId, null, skipVideo: true, CancellationToken.None)).Value!;
        GenerationJob? current = null;
        await WaitUntilAsync(async () => (current = await Jobs.GetAsync(job.Id, CancellationToken.None))!.Status.IsFinished(),
            timeout ?? TimeSpan.FromSeconds(30), $"job {job.Id} to finish");
        return current!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.Where(s => !s.Stopped))
        {
            silo.Resume();
            await silo.KillAsync();
        }
        await Database.DisposeAsync();
        try { Directory.Delete(Path.GetDirectoryName(_mediaRoot)!, recursive: true); }
        catch (IOException) { }
    }
}
