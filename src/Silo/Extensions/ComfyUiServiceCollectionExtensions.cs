using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoGen.Silo.ComfyUi;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.Extensions;

/// <summary>Registers the ComfyUI client, its options (section <c>ComfyUi</c>) and <see cref="ComfyUiBackendFactory"/>.</summary>
public static class ComfyUiServiceCollectionExtensions
{
    public static IServiceCollection AddComfyUi(this IServiceCollection services)
    {
        services.AddSelfValidatingOptions<ComfyUiOptions>(ComfyUiOptions.Section);
        services.AddLongLivedHttpClient<ComfyUiClient>();
        services.TryAddSingleton<ComfyUiBackendFactory>();
        return services;
    }
}
