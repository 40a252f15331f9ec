namespace VideoGen.Web.Media;

/// <summary>The content type of each kind of file the studio stores.</summary>
public static class MediaContentTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".gif"] = "image/gif",
        [".mp4"] = "video/mp4",
        [".webm"] = "video/webm",
        [".wav"] = "audio/wav",
        [".mp3"] = "audio/mpeg",
        [".srt"] = "application/x-subrip",
    };

    /// <summary>The type of <paramref name="path"/> by its extension; <c>application/octet-stream</c> for anything else.</summary>
    public static string For(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var type) ? type : "application/octet-stream";
}
