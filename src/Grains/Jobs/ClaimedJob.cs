using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Jobs;

/// <summary>A job a lane just took, with what it needs to build the work: the sentence and the project's frame shape.</summary>
public sealed record ClaimedJob(GenerationJob Job, Guid Token, SentenceState? Sentence, AspectRatio AspectRatio);

/// <summary>What a finished job produced: a file under the media root, and for narration its length.</summary>
public sealed record JobOutput(string File, double? DurationSeconds = null);

/// <summary>
/// What storing a job's output did. Not accepted: the claim was lost (the output must be
/// discarded). <see cref="ReplacedFile"/> may be deleted now that nothing points at it.
/// </summary>
public sealed record CompletionResult(bool Accepted, string? ReplacedFile = null, Guid? CascadedJobId = null)
{
    public static readonly CompletionResult Rejected = new(false);
}
