using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoGen.Silo.Media;

namespace VideoGen.Silo.Speech;

/// <summary>Registers the speech engine chosen by <c>Speech:Engine</c> and the narration renderer.</summary>
public static class SpeechServiceCollectionExtensions
{
    public static IServiceCollection AddSpeech(this IServiceCollection services)
    {
        services.AddFfmpeg();
        services.AddOptions<SpeechOptions>().BindConfiguration(SpeechOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpeechOptions>, SpeechOptionsValidator>());
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

    private sealed class SpeechOptionsValidator : IValidateOptions<SpeechOptions>
    {
        public ValidateOptionsResult Validate(string? name, SpeechOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
