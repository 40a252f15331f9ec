using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoGen.Grains.Domain;
using VideoGen.Silo.ComfyUi;
using VideoGen.Silo.Export;
using VideoGen.Silo.Lanes;
using VideoGen.Silo.Extensions;
using VideoGen.Silo.Options;
using VideoGen.Silo.Preview;
using VideoGen.Silo.Speech;

namespace VideoGen.TestSupport.Cluster;

/// <summary>
/// The silo's real backends for cluster tests: ComfyUI lanes (pointed at a fake ComfyUI, with
/// fast retry timings), the ffmpeg preview renderer, and the CPU lane (espeak-ng or a speech
/// server, and the export renderer), built by the silo's own registrations. Settings (such as
/// <c>Speech:Engine</c>) come from <paramref name="settings"/>; exports use x264's fastest preset.
/// </summary>
public sealed class RealBackends(IReadOnlyDictionary<string, string?>? settings = null) : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Export:Preset"] = "ultrafast" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build())
        .AddComfyUi()
        .Configure<ComfyUiOptions>(o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(20);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(80);
            o.ReconcileInterval = TimeSpan.FromMilliseconds(300);
        })
        .AddPreviewBackend()
        .AddSpeech()
        .AddExportRenderer()
        .AddSingleton<CpuBackend>()
        .BuildServiceProvider();

    /// <summary>
    /// A device whose lanes drive the ComfyUI at <paramref name="comfyUi"/>, or, when
    /// <paramref name="videoComfyUi"/> is given, whose video lane drives a second server.
    /// </summary>
    public DeviceSpec ComfyUi(string device, Uri comfyUi, Uri? videoComfyUi = null)
    {
        var factory = _services.GetRequiredService<ComfyUiBackendFactory>();
        var options = new DeviceOptions { Name = device, Kind = "comfyui", Url = comfyUi.ToString(), VideoUrl = videoComfyUi?.ToString() };
        return QueueCluster.Device(device, factory.Create(options, Lane.Image), factory.Create(options, Lane.Video));
    }

    /// <summary>A CPU preview device.</summary>
    public DeviceSpec Preview(string device)
    {
        var preview = _services.GetRequiredService<PreviewBackend>();
        return QueueCluster.Device(device, preview, preview, DeviceKind.Preview);
    }

    /// <summary>A silo's CPU device: narration with the configured speech engine, and exports.</summary>
    public DeviceSpec Cpu(string device) => DeviceCatalog.Cpu(device, _services.GetRequiredService<CpuBackend>());

    /// <summary>The narration renderer (speech engine, normalisation, measurement).</summary>
    public NarrationRenderer Narration => _services.GetRequiredService<NarrationRenderer>();

    /// <summary>ffprobe, to check what the preview rendered.</summary>
    public VideoGen.Silo.Media.FfprobeRunner Probe => _services.GetRequiredService<VideoGen.Silo.Media.FfprobeRunner>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
