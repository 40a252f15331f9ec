using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
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
        services.AddLongLivedHttpClient<OpenAiSpeechEngine>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("speech", static builder => builder.AddRetry(new HttpRetryStrategyOptions
            {
                // A server that could not be reached at all is tried again shortly; one that answered
                // with an error has said so, and the job's own retry decides by that answer's cause.
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException),
            }));
        services.TryAddSingleton<EspeakSpeechEngine>();
        services.TryAddSingleton<ISpeechEngine>(sp => sp.GetRequiredService<IOptions<SpeechOptions>>().Value.IsOpenAi
            ? sp.GetRequiredService<OpenAiSpeechEngine>()
            : sp.GetRequiredService<EspeakSpeechEngine>());
        services.TryAddSingleton<NarrationRenderer>();
        return services;
    }
}
