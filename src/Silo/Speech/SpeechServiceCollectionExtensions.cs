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
        services.AddSelfValidatingOptions<SpeechOptions>(SpeechOptions.Section);
        // A long text can take a while to speak; the engine's own timeout and the job's cancellation bound it.
        services.AddLongLivedHttpClient<OpenAiSpeechEngine>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<EspeakSpeechEngine>();
        services.TryAddSingleton<ISpeechEngine>(sp => sp.GetRequiredService<IOptions<SpeechOptions>>().Value.IsOpenAi
            ? sp.GetRequiredService<OpenAiSpeechEngine>()
            : sp.GetRequiredService<EspeakSpeechEngine>());
        services.TryAddSingleton<NarrationRenderer>();
        return services;
    }
}
