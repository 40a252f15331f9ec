using VideoGen.Grains.Storage;

namespace VideoGen.Web.Media;

/// <summary>What the store knows about a media file beyond its owner: the names its downloads get.</summary>
public sealed class MediaCatalog(IMediaCatalogStore store)
{
    /// <summary>The file name a download of <paramref name="file"/> (a file of project <paramref name="projectId"/>) is saved under.</summary>
    public async Task<string> DownloadNameAsync(string file, Guid projectId, CancellationToken ct)
    {
        var origin = await store.OriginOfAsync(file, projectId, ct)
            ?? throw new InvalidOperationException($"Project {projectId} of media file {file} is not in the store.");
        return origin is { ExportedAt: { } exportedAt, ExportId: { } exportId }
            ? DownloadNames.ForExport(origin.ProjectName, exportedAt, exportId, file)
            : DownloadNames.ForScene(origin.ProjectName, file);
    }
}
