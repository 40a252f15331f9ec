using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using VideoGen.Silo.ComfyUi;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.Extensions;

/// <summary>Registers the ComfyUI client, its options (section <c>ComfyUi</c>), its retry pipeline and <see cref="ComfyUiBackendFactory"/>.</summary>
public static class ComfyUiServiceCollectionExtensions
{
    public static IServiceCollection AddComfyUi(this IServiceCollection services)
    {
        services.AddSelfValidatingOptions<ComfyUiOptions>(ComfyUiOptions.Section);
        services.AddLongLivedHttpClient<ComfyUiClient>();
        services.AddResiliencePipeline(ComfyUiRetry.PipelineName, static (builder, context) => ComfyUiRetry.AddTo(builder,
            context.ServiceProvider.GetRequiredService<IOptions<ComfyUiOptions>>().Value,
            context.ServiceProvider.GetRequiredService<ILogger<ComfyUiClient>>()));
        services.TryAddSingleton<ComfyUiBackendFactory>();
        return services;
    }
}
