using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoGen.Silo.ComfyUi;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.Extensions;

/// <summary>Registers the ComfyUI client, its options (section <c>ComfyUi</c>) and <see cref="ComfyUiBackendFactory"/>.</summary>
public static class ComfyUiServiceCollectionExtensions
{
    public static IServiceCollection AddComfyUi(this IServiceCollection services)
    {
        services.AddOptions<ComfyUiOptions>().BindConfiguration(ComfyUiOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComfyUiOptions>, SelfValidatingOptions<ComfyUiOptions>>());
        services.AddHttpClient<ComfyUiClient>()
            // A lane keeps its client for the life of the process, so connections are recycled by the
            // pool (picking up DNS changes) rather than by rotating handlers under a live client.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<ComfyUiBackendFactory>();
        return services;
    }
}
