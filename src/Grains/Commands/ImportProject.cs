using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Commands;

/// <summary>A creator's request for a new project from a pasted script.</summary>
[GenerateSerializer, Alias("VideoGen.ImportProject")]
public sealed record ImportProject(Guid OwnerId, string? Name, string? Script, AspectRatio AspectRatio, string? Style);
