using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Polly;
using Polly.Retry;

namespace VideoGen.Grains.Commands;

/// <summary>
/// How callers outside the cluster's turn (pages, the API) send a command to a grain: a silo that
/// died a moment ago answers "unavailable" until the cluster declares it dead and the grain
/// activates elsewhere, so such errors are retried briefly. Commands carry request ids or are
/// idempotent, so a retry of a command that did run changes nothing twice.
/// </summary>
public sealed class ClusterRetry
{
    /// <summary>The pipeline: up to 8 retries over about 10 s, with backoff and jitter.</summary>
    public static readonly ClusterRetry Default = new(new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            MaxRetryAttempts = 8,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(100),
            MaxDelay = TimeSpan.FromSeconds(2),
        })
        .Build());

    private readonly ResiliencePipeline _pipeline;

    /// <summary>A retry with the given pipeline.</summary>
    public ClusterRetry(ResiliencePipeline pipeline) => _pipeline = pipeline;

    /// <summary>Sends <paramref name="command"/>, again while the cluster answers with a transient error.</summary>
    public Task<T> SendAsync<T>(Func<Task<T>> command, CancellationToken ct) =>
        _pipeline.ExecuteAsync(async _ => await command(), ct).AsTask();

    /// <summary>Whether <paramref name="error"/> says the cluster could not deliver the call now, not that the command failed.</summary>
    public static bool IsTransient(Exception error) => error is SiloUnavailableException
        or OrleansMessageRejectionException
        or ConnectionFailedException
        or GatewayTooBusyException
        or TimeoutException;
}
