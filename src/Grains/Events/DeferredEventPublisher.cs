using Microsoft.Extensions.DependencyInjection;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Events;

/// <summary>
/// The store's publisher, found in the container at the first commit: the database is built
/// before the cluster whose stream publishes (and whose grains need the database).
/// </summary>
internal sealed class DeferredEventPublisher(IServiceProvider services) : IEventPublisher
{
    private readonly Lazy<IEventPublisher> _publisher = new(() => services.GetService<IEventPublisher>() ?? IEventPublisher.None);

    public Task PublishAsync(IReadOnlyList<StoredEvent> events) => _publisher.Value.PublishAsync(events);
}
