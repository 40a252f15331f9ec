using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoGen.Grains.Domain;
using VideoGen.Silo.ComfyUi;
using VideoGen.Silo.Lanes;
using VideoGen.Silo.Extensions;
using VideoGen.Silo.Options;
using VideoGen.Silo.Preview;

namespace VideoGen.TestSupport.Cluster;

/// <summary>
/// The silo's real backends for cluster tests: ComfyUI lanes (pointed at a fake ComfyUI, with
/// fast retry timings) and the ffmpeg preview renderer, built by the silo's own registrations.
/// </summary>
public sealed class RealBackends : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
        .AddComfyUi()
        .Configure<ComfyUiOptions>(o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(20);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(80);
            o.ReconcileInterval = TimeSpan.FromMilliseconds(300);
        })
        .AddPreviewBackend()
        .BuildServiceProvider();

    /// <summary>
    /// A device whose lanes drive the ComfyUI at <paramref name="comfyUi"/>, or, when
    /// <paramref name="videoComfyUi"/> is given, whose video lane drives a second server.
    /// </summary>
    public DeviceSpec ComfyUi(string device, Uri comfyUi, Uri? videoComfyUi = null)
    {
        var factory = _services.GetRequiredService<ComfyUiBackendFactory>();
        var options = new DeviceOptions { Name = device, Kind = "comfyui", Url = comfyUi.ToString(), VideoUrl = videoComfyUi?.ToString() };
        return TestCluster.Device(device, factory.Create(options, Lane.Image), factory.Create(options, Lane.Video));
    }

    /// <summary>A CPU preview device.</summary>
    public DeviceSpec Preview(string device)
    {
        var preview = _services.GetRequiredService<PreviewBackend>();
        return TestCluster.Device(device, preview, preview, DeviceKind.Preview);
    }

    /// <summary>ffprobe, to check what the preview rendered.</summary>
    public VideoGen.Silo.Media.FfprobeRunner Probe => _services.GetRequiredService<VideoGen.Silo.Media.FfprobeRunner>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
