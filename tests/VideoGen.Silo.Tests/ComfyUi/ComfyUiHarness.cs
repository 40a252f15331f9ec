using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoGen.Grains.Domain;
using VideoGen.Silo.ComfyUi;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Extensions;
using VideoGen.Silo.Options;
using VideoGen.TestSupport.FakeComfyUi;

namespace VideoGen.Silo.Tests.ComfyUi;

/// <summary>A fake ComfyUI, the silo's ComfyUI registrations with fast retry timings, and a scratch output folder.</summary>
internal sealed class ComfyUiHarness : IAsyncDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(20);

    private readonly ServiceProvider services;

    private ComfyUiHarness(FakeComfyUi fake, ServiceProvider services, string folder)
    {
        Fake = fake;
        this.services = services;
        Folder = folder;
        Factory = services.GetRequiredService<ComfyUiBackendFactory>();
    }

    public FakeComfyUi Fake { get; }
    public ComfyUiBackendFactory Factory { get; }

    /// <summary>A scratch folder: outputs go here, and so do start images and templates a test writes.</summary>
    public string Folder { get; }

    public RecordingProgress Progress { get; } = new();

    public DeviceOptions Device => new() { Name = "gpu-0", Kind = "comfyui", Url = Fake.BaseUrl.ToString() };

    public static async Task<ComfyUiHarness> StartAsync(Action<ComfyUiOptions>? configure = null)
    {
        var fake = await FakeComfyUi.StartAsync();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddComfyUi()
            .Configure<ComfyUiOptions>(o =>
            {
                o.MaxAttempts = 4;
                o.RetryDelay = TimeSpan.FromMilliseconds(10);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(40);
                o.RequestTimeout = TimeSpan.FromSeconds(10);
                o.ReconcileInterval = TimeSpan.FromMilliseconds(500);
                configure?.Invoke(o);
            })
            .BuildServiceProvider();
        var folder = Path.Combine(Path.GetTempPath(), "videogen-comfyui-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new ComfyUiHarness(fake, services, folder);
    }

    public ComfyUiBackend Backend(Lane lane) => Factory.Create(Device, lane);

    public ComfyUiClient Client() => Factory.CreateClient(Fake.BaseUrl);

    public Task<LaneOutput> RunAsync(ComfyUiBackend backend, LaneWork work, CancellationToken ct = default) =>
        backend.RunAsync(work, Progress, ct).WaitAsync(RunLimit);

    /// <summary>Runs <see cref="ImageWork"/> on the image lane.</summary>
    public Task<LaneOutput> RunImageAsync(CancellationToken ct = default) => RunAsync(Backend(Lane.Image), ImageWork(), ct);

    /// <summary>Runs <see cref="ImageWork"/> on the image lane, expecting it to fail.</summary>
    public Task<GenerationException> ImageFailureAsync() => Assert.ThrowsAsync<GenerationException>(() => RunImageAsync());

    public LaneWork ImageWork(string prompt = "a lighthouse at dawn, volumetric light") => new()
    {
        JobId = Guid.NewGuid(),
        Kind = JobKind.Image,
        Prompt = prompt,
        NegativePrompt = "blurry",
        Seed = 1234567,
        Width = 1024,
        Height = 576,
        OutputDirectory = Folder,
        OutputName = "scene-1-image",
    };

    public LaneWork VideoWork(string startImagePath, double seconds) => new()
    {
        JobId = Guid.NewGuid(),
        Kind = JobKind.Video,
        Prompt = "slow push in on the lighthouse",
        Seed = 42,
        Width = 832,
        Height = 480,
        StartImagePath = startImagePath,
        ClipSeconds = seconds,
        OutputDirectory = Folder,
        OutputName = "scene-1-clip",
    };

    public string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Fake.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
        // A fault inside the fake would pass for a ComfyUI fault and let a test pass or fail for the wrong reason.
        if (Fake.Errors.Count > 0) throw new InvalidOperationException("The fake ComfyUI failed: " + string.Join(Environment.NewLine, Fake.Errors));
    }
}
