using System.Diagnostics;
using FFMpegCore;
using Microsoft.Extensions.Logging.Abstractions;
using VideoGen.Silo.Media;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace VideoGen.Silo.Tests.Media;

/// <summary>The real ffmpeg and ffprobe of the test machine, and the captured samples in TestData/ffmpeg.</summary>
public static class MediaTools
{
    public static FfmpegRunner Ffmpeg(FfmpegOptions? options = null) =>
        new(MsOptions.Create(options ?? new FfmpegOptions()), NullLogger<FfmpegRunner>.Instance);

    public static FfprobeRunner Ffprobe() => new(MsOptions.Create(new FfmpegOptions()), NullLogger<FfprobeRunner>.Instance);

    /// <summary>Arguments reading one lavfi source, e.g. <c>testsrc2=s=64x36:r=24</c>; <paramref name="realTime"/> paces it like a camera.</summary>
    public static FFMpegArguments Lavfi(string source, bool realTime = false) =>
        FfmpegCommand.Start().AddFileInput(source, verifyExists: false, o =>
        {
            if (realTime) o.WithCustomArgument("-re");
            o.WithCustomArgument(FfmpegCommand.Option("-f", "lavfi"));
        });

    public static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "ffmpeg", name));

    /// <summary>Writes a still test picture (ffmpeg's testsrc2: shapes, gradients, text) of the given size.</summary>
    public static async Task<string> WriteTestPictureAsync(string path, int width, int height)
    {
        var command = Lavfi($"testsrc2=s={width}x{height}:r=24").OutputToFile(path, overwrite: true, o => o
            .WithCustomArgument(FfmpegCommand.Option("-frames:v", 1))
            .WithCustomArgument(FfmpegCommand.Option("-f", "image2"))
            .WithCustomArgument(FfmpegCommand.Option("-update", 1)));
        await Ffmpeg().RunAsync(command, duration: null, progress: null, CancellationToken.None);
        return path;
    }

    /// <summary>
    /// A 32×18 grey thumbnail of a picture, or of frame <paramref name="frame"/> of a clip,
    /// optionally after cropping (ffmpeg crop expressions for w, h, x, y).
    /// </summary>
    public static async Task<byte[]> ThumbnailAsync(string path, int frame = 0, (string W, string H, string X, string Y)? crop = null)
    {
        var raw = Path.Combine(Path.GetDirectoryName(path)!, $".thumbnail-{Guid.NewGuid():N}.gray");
        List<FfmpegFilter> filters = [new FfmpegFilter("select").Set("expr", $"eq(n,{frame})")];
        if (crop is var (w, h, x, y)) filters.Add(new FfmpegFilter("crop").Set("w", w).Set("h", h).Set("x", x).Set("y", y));
        filters.Add(new FfmpegFilter("scale").Set("w", 32).Set("h", 18).Set("flags", "area"));
        filters.Add(new FfmpegFilter("format").Set("pix_fmts", "gray"));
        var command = FfmpegCommand.Start().AddFileInput(path, verifyExists: false).OutputToFile(raw, overwrite: true, o => o
            .WithCustomArgument(FfmpegCommand.VideoFilter(filters))
            .WithCustomArgument(FfmpegCommand.Option("-frames:v", 1))
            .WithCustomArgument(FfmpegCommand.Option("-f", "rawvideo")));
        try
        {
            await Ffmpeg().RunAsync(command, duration: null, progress: null, CancellationToken.None);
            return await File.ReadAllBytesAsync(raw);
        }
        finally
        {
            File.Delete(raw);
        }
    }

    /// <summary>The mean absolute difference of two thumbnails, 0 (same) to 255.</summary>
    public static double Difference(byte[] a, byte[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (x, y) => Math.Abs(x - y)).Average();
    }

    /// <summary>The ids of running processes whose command line contains <paramref name="marker"/> (Linux /proc).</summary>
    public static IReadOnlyList<int> ProcessesMentioning(string marker)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var state = File.ReadAllText(Path.Combine(dir, "stat"));
                // A zombie has exited already; only its parent's bookkeeping is left.
                if (commandLine.Contains(marker, StringComparison.Ordinal) && !state.Contains(") Z ", StringComparison.Ordinal)) found.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return found;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a condition that becomes true asynchronously.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) return false;
            await Task.Delay(50);
        }
        return true;
    }
}
