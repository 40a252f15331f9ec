namespace VideoGen.Grains.Storage;

/// <summary>What the store knows about a media file beyond its owner.</summary>
public interface IMediaCatalogStore
{
    /// <summary>The origin of <paramref name="file"/>, a file of project <paramref name="projectId"/>; null when there is no such project.</summary>
    Task<MediaOrigin?> OriginOfAsync(string file, Guid projectId, CancellationToken ct);
}
