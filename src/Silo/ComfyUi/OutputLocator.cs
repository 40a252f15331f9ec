using VideoGen.Grains.Domain;
using VideoGen.Silo.Devices;

namespace VideoGen.Silo.ComfyUi;

/// <summary>Picks the file a finished prompt made from its history outputs.</summary>
internal static class OutputLocator
{
    private static readonly string[] VideoExtensions = [".mp4", ".webm", ".mov", ".mkv"];
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".webp"];

    /// <summary>
    /// The saved image (an <c>images</c> entry that is not animated), or the saved clip
    /// (<c>gifs</c> entries, animated <c>images</c>, or any .mp4/.webm name), preferring real
    /// video containers over animated images. Previews (<c>type: temp</c>) are ignored.
    /// </summary>
    public static OutputFile Find(HistoryEntry entry, JobKind kind)
    {
        var saved = entry.Outputs.Values
            .SelectMany(output => output.Images.Concat(output.Gifs).Select(file => (File: file, Animated: output.Animated || output.Gifs.Contains(file))))
            .Where(candidate => candidate.File.Type == "output")
            .ToList();

        var found = kind == JobKind.Video
            ? saved.Where(c => c.Animated || HasExtension(c.File, VideoExtensions))
                .OrderBy(c => HasExtension(c.File, VideoExtensions) ? 0 : 1)
                .Select(c => c.File)
                .FirstOrDefault()
            : saved.Where(c => !c.Animated && HasExtension(c.File, ImageExtensions)).Select(c => c.File).FirstOrDefault();

        return found ?? throw new GenerationException(FailureCause.Rejected,
            $"The workflow finished but saved no {(kind == JobKind.Video ? "video" : "image")}: does it end in a " +
            $"{(kind == JobKind.Video ? "SaveVideo (or VHS_VideoCombine)" : "SaveImage")} node?");
    }

    private static bool HasExtension(OutputFile file, string[] extensions) =>
        extensions.Contains(Path.GetExtension(file.Filename).ToLowerInvariant());
}
