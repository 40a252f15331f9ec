using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>A line of the projects list.</summary>
public sealed record ProjectSummary(Guid Id, string Name, AspectRatio AspectRatio, int SentenceCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
