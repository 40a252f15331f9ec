namespace VideoGen.Grains.Domain;

/// <summary>One scene as the final cut uses it: its narration text and the files it is made of.</summary>
/// <param name="SentenceId">The sentence of the scene.</param>
/// <param name="Number">The scene's place in the narration, from 1.</param>
/// <param name="Text">The narration text (the subtitle of the scene).</param>
/// <param name="ImageFile">The scene's image, relative to the media root.</param>
/// <param name="VideoFile">The scene's clip, relative to the media root (or absolute once a lane resolved it).</param>
/// <param name="AudioFile">The scene's narration, relative to the media root (or absolute once a lane resolved it).</param>
/// <param name="AudioDuration">How long the narration lasts, in seconds.</param>
[GenerateSerializer, Alias("VideoGen.ExportScene")]
public sealed record ExportScene(Guid SentenceId, int Number, string Text, string? ImageFile, string? VideoFile, string? AudioFile, double? AudioDuration)
{
    /// <summary>The assets the scene still lacks for a final cut, in the order they are made.</summary>
    public IReadOnlyList<AssetKind> Missing
    {
        get
        {
            var missing = new List<AssetKind>(3);
            if (ImageFile is null) missing.Add(AssetKind.Image);
            if (VideoFile is null) missing.Add(AssetKind.Video);
            if (AudioFile is null || AudioDuration is not > 0) missing.Add(AssetKind.Audio);
            return missing;
        }
    }
}
