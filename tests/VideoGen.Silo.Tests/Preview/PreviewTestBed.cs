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

    /// <summary>
    /// Starts a minute-long 640×360 clip and cancels it at its first progress; returns the run,
    /// still stopping, as soon as the cancel is sent.
    /// </summary>
    public async Task<Task<LaneOutput>> RunCancelledAtFirstProgressAsync(string startImage)
    {
        var cts = new CancellationTokenSource();
        var progress = new RecordingProgress<LaneProgress> { OnReport = p => { if (p.Fraction > 0) cts.Cancel(); } };
        var run = RunAsync(Clip(startImage, seconds: 60, width: 640, height: 360), progress, cts.Token);
        Assert.True(await MediaTools.EventuallyAsync(() => cts.IsCancellationRequested, TimeSpan.FromSeconds(20)), "The clip never reported progress.");
        _ = run.ContinueWith(_ => cts.Dispose(), TaskScheduler.Default);
        return run;
    }

    public void Dispose() => Output.Dispose();
}
