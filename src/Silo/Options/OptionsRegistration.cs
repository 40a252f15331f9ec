using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VideoGen.Silo.Options;

/// <summary>Registration helpers shared by the silo's parts.</summary>
internal static class OptionsRegistration
{
    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/>, checked at start by its own <see cref="ISelfValidatingOptions.Validate"/>.</summary>
    public static void AddSelfValidatingOptions<T>(this IServiceCollection services, string section) where T : class, ISelfValidatingOptions
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, SelfValidatingOptions<T>>());
    }

    /// <summary>
    /// A typed client kept for the life of the process: its connections are recycled by the pool
    /// (picking up DNS changes) rather than by rotating handlers under a live client.
    /// </summary>
    public static IHttpClientBuilder AddLongLivedHttpClient<TClient>(this IServiceCollection services, Action<HttpClient>? configure = null)
        where TClient : class =>
        services.AddHttpClient<TClient>(http => configure?.Invoke(http))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
}
