using Orleans.Streams;
using VideoGen.Grains.Events;
using VideoGen.Grains.Storage;

namespace VideoGen.Silo.Streams;

/// <summary>
/// Publishes each commit's events on their projects' streams, from whoever committed (a grain, a
/// lane). Only while the silo is up: before it starts and once it stops, commits are not
/// published, and followers find them in the log (a missing number, their slow poll). A failed
/// or slow publication is logged and given up, never the commit.
/// </summary>
public sealed partial class StreamEventPublisher(IClusterClient client, ILogger<StreamEventPublisher> logger)
    : IEventPublisher, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>How long a commit waits for its publication; a late one still arrives, and followers drop what they already have.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    private volatile bool _active;

    public async Task PublishAsync(IReadOnlyList<StoredEvent> events)
    {
        if (!_active) return;
        var provider = client.GetStreamProvider(ProjectStreams.Provider);
        foreach (var project in events.GroupBy(e => e.ProjectId))
        {
            try
            {
                var stream = provider.GetStream<ProjectEventBatch>(ProjectStreams.Of(project.Key));
                await stream.OnNextAsync(new ProjectEventBatch([.. project])).WaitAsync(Patience);
            }
            catch (Exception e)
            {
                LogNotPublished(e, project.Key, project.First().Sequence, project.Last().Sequence);
            }
        }
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(StreamEventPublisher), ServiceLifecycleStage.Active,
            _ => { _active = true; return Task.CompletedTask; },
            _ => { _active = false; return Task.CompletedTask; });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Events {First}..{Last} of project {ProjectId} were not published; followers will read them from the log")]
    private partial void LogNotPublished(Exception error, Guid projectId, long first, long last);
}
