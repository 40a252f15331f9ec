using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoGen.Silo.Media;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.Export;

/// <summary>Registers the final-cut renderer and its options (section <c>Export</c>, validated on start).</summary>
public static class ExportServiceCollectionExtensions
{
    public static IServiceCollection AddExportRenderer(this IServiceCollection services)
    {
        services.AddFfmpeg();
        services.AddSelfValidatingOptions<ExportOptions>(ExportOptions.Section);
        services.TryAddSingleton<ExportRenderer>();
        return services;
    }
}
