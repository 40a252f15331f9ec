using Microsoft.Extensions.Options;

namespace VideoGen.Silo.Media;

/// <summary>Asks ffprobe what a media file holds.</summary>
public sealed class FfprobeRunner(IOptions<FfmpegOptions> options, ILogger<FfprobeRunner> logger)
{
    private readonly FfmpegOptions _options = options.Value;

    /// <summary>The duration and streams of the file at <paramref name="path"/>.</summary>
    /// <exception cref="FfmpegException">ffprobe could not be started or could not read the file.</exception>
    public async Task<MediaInfo> ProbeAsync(string path, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var json = await ToolProcess.CaptureAsync(
            _options.FfprobePath,
            ["-hide_banner", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-i", path],
            logger,
            ct);
        return MediaInfo.Parse(json);
    }
}
