namespace VideoGen.Grains.Domain;

/// <summary>Collects the events an entity raises until the store saves them.</summary>
public abstract class Entity
{
    private readonly List<DomainEvent> _events = [];

    /// <summary>Events raised since the entity was loaded or last saved.</summary>
    public IReadOnlyList<DomainEvent> PendingEvents => _events;

    protected void Raise(DomainEvent domainEvent) => _events.Add(domainEvent);

    /// <summary>Hands the raised events to the store and forgets them.</summary>
    public IReadOnlyList<DomainEvent> TakeEvents()
    {
        var taken = _events.ToArray();
        _events.Clear();
        return taken;
    }
}
