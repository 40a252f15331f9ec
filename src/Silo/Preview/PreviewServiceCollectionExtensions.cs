using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoGen.Silo.Media;

namespace VideoGen.Silo.Preview;

/// <summary>Registers the CPU preview device's renderer.</summary>
public static class PreviewServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PreviewBackend"/> as a singleton (it keeps no state between jobs, so
    /// every preview device and lane can share it), binds <see cref="PreviewOptions"/> to the
    /// <c>Preview</c> section and adds ffmpeg (<see cref="MediaServiceCollectionExtensions.AddFfmpeg"/>).
    /// </summary>
    public static IServiceCollection AddPreviewBackend(this IServiceCollection services)
    {
        services.AddFfmpeg();
        services.AddOptions<PreviewOptions>().BindConfiguration(PreviewOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.FontFile), "Preview:FontFile is empty: name a TrueType font, e.g. /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf.")
            .ValidateOnStart();
        services.TryAddSingleton<PreviewBackend>();
        return services;
    }
}
