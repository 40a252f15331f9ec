namespace VideoGen.Grains.Domain;

/// <summary>
/// Something that happened to an entity. The store saves it with the entity, in the same
/// transaction, and live pages read it by increasing id.
/// </summary>
/// <param name="Name">The stream event name: <c>sentence</c>, <c>job</c>, <c>progress</c>, <c>batch</c> or <c>project</c>.</param>
/// <param name="ProjectId">The project whose pages show the event.</param>
/// <param name="EntityId">The sentence, job or project the event is about.</param>
public abstract record DomainEvent(string Name, Guid ProjectId, Guid EntityId);

/// <summary>A sentence's text, prompts, assets, dirty flags or statuses changed.</summary>
public sealed record SentenceChanged(Guid ProjectId, Guid SentenceId, IReadOnlyList<string> Changes)
    : DomainEvent("sentence", ProjectId, SentenceId);

/// <summary>A job moved to another state.</summary>
public sealed record JobChanged(Guid ProjectId, Guid JobId, Guid? SentenceId, JobKind Kind, JobStatus Status, int Attempt, string? Error)
    : DomainEvent("job", ProjectId, JobId);

/// <summary>A running job reported progress (throttled by the lane that runs it).</summary>
public sealed record JobProgressed(Guid ProjectId, Guid JobId, Guid? SentenceId, JobKind Kind, double Progress, string? Step)
    : DomainEvent("progress", ProjectId, JobId);

/// <summary>A project was created, renamed or had its structure changed.</summary>
public sealed record ProjectChanged(Guid ProjectId, string Change)
    : DomainEvent("project", ProjectId, ProjectId);
