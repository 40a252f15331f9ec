using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Events;

/// <summary>One commit's events of one project, as its stream carries them (sequence order, no hole inside).</summary>
[GenerateSerializer, Alias("VideoGen.ProjectEventBatch")]
public sealed record ProjectEventBatch(IReadOnlyList<StoredEvent> Events);
