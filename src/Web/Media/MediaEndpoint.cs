using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Lanes;
using VideoGen.Web.Accounts;

namespace VideoGen.Web.Media;

/// <summary>
/// <c>GET /media/{**path}</c>: a stored image, clip, narration or export, to its owner only (login
/// cookie or bearer token). Another account's file, or a file the store does not know, answers
/// 404; a path that is not a plain relative path answers 400 before anything is looked up.
/// Range requests are answered with 206, so players can seek; <c>?download=1</c> makes it an
/// attachment named after the project.
/// </summary>
public static class MediaEndpoint
{
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet(MediaUrls.Prefix + "/{**path}", ServeAsync);
        return app;
    }

    private static async Task<IResult> ServeAsync(
        string? path, [FromQuery] string? download, HttpContext context, IOwnershipStore owned, MediaFiles media, MediaCatalog catalog, CancellationToken ct)
    {
        if (MediaPath.Normalize(path) is not { } stored)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a media path",
                detail: "A media path is the relative path of a stored file, such as projects/…/image-….png, without '.', '..' or empty segments.");
        var project = await owned.ProjectOfMediaAsync(stored, context.User.GetUserId(), ct);
        var file = project is null ? null : media.ToAbsolute(stored);
        if (file is null || !File.Exists(file))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: "There is no such file in your studio: it may have been replaced by a newer one.");

        var attachment = download is "1" or "true" ? await catalog.DownloadNameAsync(stored, project!.Value, ct) : null;
        // Stored names are never reused (they carry a job or export id), so a file never changes under its URL.
        context.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.PhysicalFile(file, MediaContentTypes.For(stored), attachment,
            lastModified: File.GetLastWriteTimeUtc(file), entityTag: new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(file)}\""),
            enableRangeProcessing: true);
    }
}
