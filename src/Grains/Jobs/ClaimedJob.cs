using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// A job a lane just took, with what it needs to build the work: the sentence and the
/// project's frame shape; for narration the project's voice and speed; for an export the
/// plan of the final cut.
/// </summary>
public sealed record ClaimedJob(
    GenerationJob Job, Guid Token, SentenceState? Sentence, AspectRatio AspectRatio,
    NarrationSettings? Narration = null, ExportPlan? Export = null);

/// <summary>
/// What a finished job produced: a file under the media root; for narration and exports its
/// length; for an export its thumbnail and subtitles beside it; for a scene's image, clip or
/// narration what the lane made it from (kept with its take).
/// </summary>
[GenerateSerializer, Alias("VideoGen.JobOutput")]
public sealed record JobOutput(string File, double? DurationSeconds = null, string? Thumbnail = null, string? Subtitles = null,
    GenerationRecipe? Recipe = null)
{
    /// <summary>Every file of this output: the file, then the thumbnail and subtitles when there are any.</summary>
    public IReadOnlyList<string> Files => new[] { File, Thumbnail, Subtitles }.OfType<string>().ToArray();
}

/// <summary>
/// What storing a job's output did. Not accepted: the claim was lost (the output must be
/// discarded). <see cref="ReplacedFile"/> may be deleted now that nothing points at it, and so
/// may every file of <see cref="Discarded"/> (the output of an export deleted while it ran).
/// </summary>
[GenerateSerializer, Alias("VideoGen.CompletionResult")]
public sealed record CompletionResult(bool Accepted, string? ReplacedFile = null, Guid? CascadedJobId = null, IReadOnlyList<string>? Discarded = null)
{
    public static readonly CompletionResult Rejected = new(false);
}
