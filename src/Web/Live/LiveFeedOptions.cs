namespace VideoGen.Web.Live;

/// <summary>Configuration section <c>Live</c>: how this web node follows the projects its pages show.</summary>
public sealed record LiveFeedOptions
{
    public const string Section = "Live";

    /// <summary>
    /// How often the node compares the log's heads with what its feeds handed on: the fallback
    /// for a killed publisher's last events, which no later message reveals as missing.
    /// </summary>
    public int FallbackPollMilliseconds { get; set; } = 1_000;
}
