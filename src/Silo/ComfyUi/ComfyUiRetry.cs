using System.Net.WebSockets;
using Polly;
using Polly.Retry;

namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// The retry rules of every call to a ComfyUI server, registered once with the resilience
/// services (<c>AddResiliencePipeline</c>) and shared by all clients: connection errors,
/// timeouts and 5xx answers are tried again after an exponential, jittered delay bounded by
/// <see cref="ComfyUiOptions.MaxRetryDelay"/>, up to <see cref="ComfyUiOptions.MaxAttempts"/>
/// attempts. Anything else (a 4xx with ComfyUI's explanation, a cancelled job) is not.
/// </summary>
public static class ComfyUiRetry
{
    /// <summary>The name the pipeline is registered under.</summary>
    public const string PipelineName = "comfyui";

    /// <summary>Which call an attempt is, for the retry's log line.</summary>
    internal static readonly ResiliencePropertyKey<string> Call = new("comfyui.call");

    /// <summary>Which server the call goes to, for the retry's log line.</summary>
    internal static readonly ResiliencePropertyKey<Uri> Server = new("comfyui.server");

    /// <summary>Adds the retry to <paramref name="builder"/>; with one attempt configured there is nothing to add.</summary>
    public static void AddTo(ResiliencePipelineBuilder builder, ComfyUiOptions options, ILogger logger)
    {
        if (options.MaxAttempts <= 1) return;
        builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            Delay = options.RetryDelay,
            MaxDelay = options.MaxRetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsTransient(e)),
            OnRetry = args =>
            {
                logger.LogWarning("ComfyUI at {BaseAddress}: {Call} failed ({Reason}); attempt {Attempt} of {MaxAttempts} in {Delay}",
                    args.Context.Properties.GetValue(Server, null!), args.Context.Properties.GetValue(Call, "a call"), args.Outcome.Exception?.Message,
                    args.AttemptNumber + 2, options.MaxAttempts, args.RetryDelay);
                return default;
            },
        });
    }

    /// <summary>Whether a failed attempt may succeed when tried again.</summary>
    public static bool IsTransient(Exception e) => e is HttpRequestException or IOException or WebSocketException
        or TimeoutException or ComfyUiServerErrorException
        // HttpClient reports its own timeout as a cancellation wrapping a TimeoutException.
        || e is OperationCanceledException { InnerException: TimeoutException };
}
