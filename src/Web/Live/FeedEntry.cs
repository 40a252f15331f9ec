namespace VideoGen.Web.Live;

/// <summary>
/// A project's feed in the node's map with the count of pages reading it. The count changes only
/// under the map's lock; the feed is started and stopped outside it, so a slow cluster call on one
/// project never holds up pages opening on another.
/// </summary>
internal sealed class FeedEntry(ProjectFeed feed)
{
    private readonly Lazy<Task> _started = new(() => feed.StartAsync(CancellationToken.None));

    public ProjectFeed Feed => feed;

    /// <summary>Readers joined and not yet gone; guarded by the map's lock.</summary>
    public int Readers { get; set; }

    /// <summary>The feed's start, begun by whoever asks first and shared by every page that joins while it runs.</summary>
    public Task Started => _started.Value;

    /// <summary>Whether the feed has started and may be polled.</summary>
    public bool Running => _started.IsValueCreated && _started.Value.IsCompletedSuccessfully;
}
