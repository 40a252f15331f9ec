using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Scenes;
using VideoGen.Silo.Lanes;
using VideoGen.TestSupport.Cluster;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Grains.Tests.Cluster;

/// <summary>
/// One silo built as the hosts build theirs (device grains; job outcomes through the scene grains)
/// driving a ComfyUI device, <c>gpu-0</c>, on a fake ComfyUI over HTTP and WebSocket, and a CPU
/// device with a scripted narration. The lanes' polls are a minute long and health checks ten a
/// second: work that runs was dispatched by a grain call. Start one per test.
/// </summary>
internal sealed class ComfyUiCluster : DeviceCluster
{
    public const string Gpu = "gpu-0";

    private ComfyUiCluster(FakeComfyUi fake, RealBackends backends, string provider)
        : base(new Dictionary<string, DeviceSpec[]>
        {
            ["Silo_0"] = [backends.ComfyUi(Gpu, fake.BaseUrl), QueueCluster.CpuDevice("cpu-0", new ScriptedBackend("cpu-0/cpu"))],
        }, provider, Timings with { HealthInterval = TimeSpan.FromMilliseconds(100) })
    {
    }

    public static async Task<ComfyUiCluster> StartAsync(FakeComfyUi fake, RealBackends backends, string provider)
    {
        var cluster = new ComfyUiCluster(fake, backends, provider);
        await cluster.InitializeAsync();
        return cluster;
    }

    /// <summary>Devices as the devices page reads them, with their health.</summary>
    public DeviceRegistry Registry => new(Database.Database, Timings, TimeProvider.System);

    public ISentenceGrain Sentence(Guid sentenceId) => Client.GetGrain<ISentenceGrain>(sentenceId);

    /// <summary>Asks the scene's grain for a new image, as the storyboard does; the job it queued.</summary>
    public async Task<Guid> RegenerateImageAsync(Guid sentenceId, long? seed = null, bool skipVideo = false)
    {
        var result = await Sentence(sentenceId).RegenerateImage(Guid.NewGuid(), seed, skipVideo);
        return result.JobId ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>A new image, without its clip, waited for until it ends either way.</summary>
    public async Task<GenerationJob> RegenerateImageToEndAsync(Guid sentenceId)
    {
        var jobId = await RegenerateImageAsync(sentenceId, skipVideo: true);
        GenerationJob? job = null;
        await QueueCluster.WaitUntilAsync(async () => (job = await Jobs.GetAsync(jobId, CancellationToken.None))?.Status.IsFinished() == true,
            TimeSpan.FromSeconds(20), () => $"image job {jobId} to end (it is {job?.Status})");
        return job!;
    }
}
