namespace VideoGen.Web.Media;

/// <summary>
/// Checks a path asked for under <c>/media/</c> before anything looks it up: only plain relative
/// paths of named segments, the form the studio stores, pass. Dot segments, empty segments,
/// backslashes, drive letters, control characters and encoded slashes that would hide any of
/// these are refused, whatever the file system would make of them.
/// </summary>
public static class MediaPath
{
    public const int MaxLength = 1_024;

    /// <summary>The stored form of <paramref name="requested"/>, or null when it is not a plain relative path.</summary>
    public static string? Normalize(string? requested)
    {
        if (string.IsNullOrEmpty(requested) || requested.Length > MaxLength) return null;
        // Routing decodes everything but an encoded '/', which would otherwise hide a segment boundary.
        var path = requested.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        if (path.Any(c => char.IsControl(c) || c is '\\' or ':' or '%')) return null;
        var segments = path.Split('/');
        return segments.All(s => s.Length > 0 && s is not "." and not ".." && s.Trim() == s) ? path : null;
    }
}
