using Microsoft.Extensions.Logging.Abstractions;
using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;
using VideoGen.Silo.Media;
using VideoGen.Silo.Preview;
using VideoGen.Silo.Tests.Media;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace VideoGen.Silo.Tests.Preview;

/// <summary>A preview backend on the machine's real ffmpeg, writing into a fresh folder.</summary>
public sealed class PreviewTestBed : IDisposable
{
    public PreviewTestBed(PreviewOptions? options = null, FfmpegOptions? ffmpeg = null) =>
        Backend = new PreviewBackend(MediaTools.Ffmpeg(ffmpeg), MsOptions.Create(options ?? new PreviewOptions()), NullLogger<PreviewBackend>.Instance);

    public PreviewBackend Backend { get; }

    public TempFolder Output { get; } = new();

    public LaneWork Image(string prompt = "a lighthouse at dusk", long seed = 42, int width = 320, int height = 180, string text = "") => new()
    {
        JobId = Guid.NewGuid(),
        Kind = JobKind.Image,
        Prompt = prompt,
        Text = text,
        Seed = seed,
        Width = width,
        Height = height,
        OutputDirectory = Output.Path,
        OutputName = $"image-{seed}",
    };

    public LaneWork Clip(string startImage, CameraMovement movement = CameraMovement.ZoomIn, double seconds = 1, int width = 320, int height = 180) => new()
    {
        JobId = Guid.NewGuid(),
        Kind = JobKind.Video,
        Prompt = "slow push in",
        Seed = 1,
        Width = width,
        Height = height,
        StartImagePath = startImage,
        ClipSeconds = seconds,
        CameraMovement = movement,
        MotionStrength = 0.8,
        OutputDirectory = Output.Path,
        OutputName = $"clip-{movement}",
    };

    public Task<LaneOutput> RunAsync(LaneWork work, IProgress<LaneProgress>? progress = null, CancellationToken ct = default) =>
        Backend.RunAsync(work, progress ?? new RecordingProgress<LaneProgress>(), ct);

    public void Dispose() => Output.Dispose();
}
