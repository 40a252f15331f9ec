using System.Globalization;
using System.Text;

namespace VideoGen.Web.Media;

/// <summary>
/// The file name a download is saved under: <c>ad_</c>, the project's name in lower case with
/// anything but letters and digits as <c>_</c>, then for an export the day and time (UTC) it was made
/// and the tail of its id, so that two exports of one project never share a name
/// (<c>ad_my_project_2026-11-21_1432_9f3a2c.mp4</c>, its thumbnail and subtitles alike), for a
/// scene's file the stored file's own name (<c>ad_my_project_image-….png</c>).
/// </summary>
public static class DownloadNames
{
    private const int MaxSlugLength = 60;

    /// <summary>Hex digits of the export id in the name: the random end of a version 7 id, its start is the clock.</summary>
    private const int IdDigits = 6;

    public static string ForExport(string projectName, DateTimeOffset createdAt, Guid exportId, string storedPath) =>
        $"ad_{Slug(projectName)}_{createdAt.UtcDateTime.ToString("yyyy-MM-dd_HHmm", CultureInfo.InvariantCulture)}_{exportId.ToString("N")[^IdDigits..]}{Path.GetExtension(storedPath).ToLowerInvariant()}";

    public static string ForScene(string projectName, string storedPath) =>
        $"ad_{Slug(projectName)}_{Path.GetFileName(storedPath)}";

    /// <summary>
    /// The name in lower-case letters and digits (of any script: the header carries UTF-8), other
    /// runs as one <c>_</c>; <c>video</c> when nothing is left.
    /// </summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '_') slug.Append('_');
            if (slug.Length >= MaxSlugLength) break;
        }
        var text = slug.ToString().Trim('_');
        return text.Length == 0 ? "video" : text;
    }
}
