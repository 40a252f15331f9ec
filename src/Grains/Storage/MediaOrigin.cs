namespace VideoGen.Grains.Storage;

/// <summary>
/// Where a media file comes from: its project's name, and when the export it belongs to was made
/// and that export's id (both null for a scene's file).
/// </summary>
public sealed record MediaOrigin(string ProjectName, DateTimeOffset? ExportedAt, Guid? ExportId);
