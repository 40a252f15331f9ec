namespace VideoGen.Silo.Options;

/// <summary>Configuration section <c>Media</c>: where images, clips, narration and exports are kept.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    public string Root { get; set; } = "data/media";

    public string FullRoot => Path.GetFullPath(Root);
}
