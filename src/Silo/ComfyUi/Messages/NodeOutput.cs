namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// What one output node saved: <c>images</c> (SaveImage; SaveVideo and the animated savers
/// too, flagged by <c>animated</c>) and <c>gifs</c> (VideoHelperSuite's video combiner).
/// </summary>
public sealed record NodeOutput(IReadOnlyList<OutputFile> Images, IReadOnlyList<OutputFile> Gifs, bool Animated)
{
    /// <summary>An output that saved nothing.</summary>
    public static NodeOutput Empty { get; } = new([], [], false);
}
