using System.ComponentModel;
using System.Text.Json;
using FFMpegCore;
using FFMpegCore.Exceptions;
using Instances.Exceptions;
using Microsoft.Extensions.Options;

namespace VideoGen.Silo.Media;

/// <summary>Asks ffprobe, through FFMpegCore's analysis, what a media file holds.</summary>
public sealed class FfprobeRunner(IOptions<FfmpegOptions> options, ILogger<FfprobeRunner> logger)
{
    private readonly FfmpegOptions _options = options.Value;

    /// <summary>The duration and streams of the file at <paramref name="path"/>.</summary>
    /// <exception cref="FfmpegException">ffprobe could not be started or could not read the file.</exception>
    public async Task<MediaInfo> ProbeAsync(string path, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var ffOptions = FfmpegOptions.Locate(_options.FfprobePath);
        logger.LogDebug("Probing {Path}", path);
        try
        {
            return MediaInfo.From(await FFProbe.AnalyseAsync(path, ffOptions, cancellationToken: ct));
        }
        catch (FFProbeProcessException e)
        {
            throw FfmpegException.Exited("ffprobe", e.ExitCode, e.StandardError);
        }
        catch (FileNotFoundException e)
        {
            var reason = $"{path}: No such file or directory";
            throw new FfmpegException($"ffprobe could not read {reason}.", null, reason, e);
        }
        catch (Exception e) when (e is FFMpegException or InstanceException or Win32Exception or JsonException)
        {
            throw new FfmpegException($"Could not run '{_options.FfprobePath}' on {path}: {e.Message}", null, "", e);
        }
    }
}
