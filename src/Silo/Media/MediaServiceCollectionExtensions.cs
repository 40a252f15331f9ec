using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VideoGen.Silo.Media;

/// <summary>Registers the ffmpeg and ffprobe runners.</summary>
public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="FfmpegOptions"/> to the <c>Ffmpeg</c> section (validated on start) and
    /// registers <see cref="FfmpegRunner"/> and <see cref="FfprobeRunner"/> as singletons.
    /// </summary>
    public static IServiceCollection AddFfmpeg(this IServiceCollection services)
    {
        // Preview, narration and export each ask for ffmpeg: bind and validate its settings once,
        // so a wrong value is reported once, not three times.
        if (services.Any(d => d.ServiceType == typeof(FfmpegRunner))) return services;
        services.AddOptions<FfmpegOptions>().BindConfiguration(FfmpegOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.FfmpegPath), "Ffmpeg:FfmpegPath is empty: name the ffmpeg program (\"ffmpeg\" finds it on PATH).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.FfprobePath), "Ffmpeg:FfprobePath is empty: name the ffprobe program (\"ffprobe\" finds it on PATH).")
            .Validate(o => string.IsNullOrWhiteSpace(o.FfmpegPath) || Path.GetFileName(o.FfmpegPath) == "ffmpeg",
                "Ffmpeg:FfmpegPath must name a program called ffmpeg (\"ffmpeg\" or a path ending in /ffmpeg).")
            .Validate(o => string.IsNullOrWhiteSpace(o.FfprobePath) || Path.GetFileName(o.FfprobePath) == "ffprobe",
                "Ffmpeg:FfprobePath must name a program called ffprobe (\"ffprobe\" or a path ending in /ffprobe).")
            .Validate(o => o.StopGracePeriod > TimeSpan.Zero && o.StopGracePeriod <= TimeSpan.FromMinutes(1),
                "Ffmpeg:StopGracePeriod must be more than zero and at most a minute, e.g. 00:00:02.")
            .ValidateOnStart();
        services.TryAddSingleton<FfmpegRunner>();
        services.TryAddSingleton<FfprobeRunner>();
        return services;
    }
}
