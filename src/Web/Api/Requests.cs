namespace VideoGen.Web.Api;

/// <summary><c>POST /api/v1/projects</c>.</summary>
public sealed record CreateProjectRequest(string Name, string Script, string? AspectRatio = null, string? Style = null);

/// <summary><c>POST /api/v1/sentences/{id}/regenerate-image</c>.</summary>
public sealed record RegenerateImageRequest(long? Seed = null, bool SkipVideo = false);

/// <summary><c>POST /api/v1/sentences/{id}/regenerate-video</c>.</summary>
public sealed record RegenerateVideoRequest(long? Seed = null);

/// <summary><c>POST /api/v1/projects/{id}/regenerate-dirty</c>.</summary>
public sealed record RegenerateDirtyRequest(bool Images = true, bool Videos = true);

/// <summary><c>POST /api/v1/sentences/{id}/variations</c>.</summary>
public sealed record VariationsRequest(int? Count = null);
