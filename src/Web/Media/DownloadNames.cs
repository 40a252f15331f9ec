using System.Globalization;
using System.Text;

namespace VideoGen.Web.Media;

/// <summary>
/// The file name a download is saved under: <c>ad_</c>, the project's name in lower case with
/// anything but letters and digits as <c>_</c>, then for an export the day it was made
/// (<c>ad_my_project_2026-11-21.mp4</c>, its thumbnail and subtitles alike), for a scene's file
/// the stored file's own name (<c>ad_my_project_image-….png</c>).
/// </summary>
public static class DownloadNames
{
    private const int MaxSlugLength = 60;

    public static string ForExport(string projectName, DateTimeOffset createdAt, string storedPath) =>
        $"ad_{Slug(projectName)}_{createdAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{Path.GetExtension(storedPath).ToLowerInvariant()}";

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
