using VideoGen.Silo.Options;

namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// Configuration section <c>ComfyUi</c>: how hard to retry a ComfyUI server that misbehaves.
/// Shared by every ComfyUI device; the defaults suit a server on the local network.
/// </summary>
public sealed class ComfyUiOptions : ISelfValidatingOptions
{
    public const string Section = "ComfyUi";

    /// <summary>Attempts per HTTP call or socket connect (the first one included) before the job fails as transient.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first retry delay; later ones double, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one HTTP request may take, downloads of finished videos included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// How long the socket may stay silent before the backend asks <c>/queue</c> and
    /// <c>/history</c> where the prompt is (a missed message must not leave a job waiting forever).
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often one job may reconnect a dropped socket before it fails as transient.</summary>
    public int MaxReconnects { get; set; } = 10;

    /// <summary>How often one job may submit its prompt again after ComfyUI lost it (a restart empties queue and history).</summary>
    public int MaxResubmits { get; set; } = 2;

    /// <summary>The time a cancelled job has to stop its prompt (<c>/interrupt</c> or <c>/queue</c> delete).</summary>
    public TimeSpan CancelTimeout { get; set; } = TimeSpan.FromMilliseconds(900);

    /// <summary>The problems of these options, each naming its key; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxAttempts < 1) problems.Add($"{Section}:MaxAttempts must be at least 1 (got {MaxAttempts}).");
        if (RetryDelay < TimeSpan.Zero) problems.Add($"{Section}:RetryDelay must not be negative.");
        if (MaxRetryDelay < RetryDelay) problems.Add($"{Section}:MaxRetryDelay must be at least RetryDelay.");
        if (RequestTimeout <= TimeSpan.Zero) problems.Add($"{Section}:RequestTimeout must be positive.");
        if (ReconcileInterval <= TimeSpan.Zero) problems.Add($"{Section}:ReconcileInterval must be positive.");
        if (MaxReconnects < 0) problems.Add($"{Section}:MaxReconnects must not be negative.");
        if (MaxResubmits < 0) problems.Add($"{Section}:MaxResubmits must not be negative.");
        if (CancelTimeout <= TimeSpan.Zero) problems.Add($"{Section}:CancelTimeout must be positive.");
        return problems;
    }
}
