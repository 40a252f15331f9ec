using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoGen.Silo.Media;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.Speech;

/// <summary>Registers the speech engine chosen by <c>Speech:Engine</c> and the narration renderer.</summary>
public static class SpeechServiceCollectionExtensions
{
    public static IServiceCollection AddSpeech(this IServiceCollection services)
    {
        services.AddFfmpeg();
        services.AddOptions<SpeechOptions>().BindConfiguration(SpeechOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpeechOptions>, SelfValidatingOptions<SpeechOptions>>());
        // The engine lives as long as the process; the pool recycles connections instead of rotating handlers under it.
        services.AddHttpClient<OpenAiSpeechEngine>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<EspeakSpeechEngine>();
        services.TryAddSingleton<ISpeechEngine>(sp => sp.GetRequiredService<IOptions<SpeechOptions>>().Value.IsOpenAi
            ? sp.GetRequiredService<OpenAiSpeechEngine>()
            : sp.GetRequiredService<EspeakSpeechEngine>());
        services.TryAddSingleton<NarrationRenderer>();
        return services;
    }
}
