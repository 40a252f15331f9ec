namespace VideoGen.Web.Media;

/// <summary>
/// The URL of a stored media file: <c>/media/</c> followed by the path stored on the sentence or
/// export (relative to <c>Media:Root</c>), each segment escaped, e.g.
/// <c>/media/projects/{project}/{sentence}/image-{job}.png</c>. The same URL serves the login
/// cookie and bearer tokens, answers <c>Range</c> requests, and with <c>?download=1</c> is a download.
/// </summary>
public static class MediaUrls
{
    public const string Prefix = "/media";

    /// <summary>The URL of <paramref name="storedPath"/>, or null when there is no file.</summary>
    public static string? For(string? storedPath) =>
        string.IsNullOrEmpty(storedPath) ? null : Prefix + "/" + string.Join('/', storedPath.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The download URL of <paramref name="storedPath"/>, or null when there is no file.</summary>
    public static string? Download(string? storedPath) => For(storedPath) is { } url ? url + "?download=1" : null;
}
