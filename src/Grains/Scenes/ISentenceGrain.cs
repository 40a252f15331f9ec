using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;

namespace VideoGen.Grains.Scenes;

/// <summary>
/// One scene (sentence), keyed by its id: the only way a scene changes. Edits apply the
/// sentence's dirty rules; regenerations queue jobs for its assets. Requests carrying a request
/// id are answered once: a retry with the same id gets the first answer.
/// </summary>
[Alias("VideoGen.ISentenceGrain")]
public interface ISentenceGrain : IGrainWithGuidKey
{
    /// <summary>Applies a creator's edit; the sentence decides what went stale. False when the sentence does not exist.</summary>
    [Alias("Edit")]
    Task<bool> Edit(SentenceEdit edit);

    /// <summary>Queues a new image (with <paramref name="seed"/>, or the scene's), followed by its clip unless <paramref name="skipVideo"/>.</summary>
    [Alias("RegenerateImage")]
    Task<JobRequestResult> RegenerateImage(Guid requestId, long? seed, bool skipVideo);

    /// <summary>Queues a new clip; refused while the scene has no image.</summary>
    [Alias("RegenerateVideo")]
    Task<JobRequestResult> RegenerateVideo(Guid requestId, long? seed);

    /// <summary>Queues new narration of the scene's text.</summary>
    [Alias("RegenerateAudio")]
    Task<JobRequestResult> RegenerateAudio(Guid requestId);

    /// <summary>
    /// Queues <paramref name="count"/> images with fresh seeds, no clip to follow; each becomes a take
    /// without replacing the scene's image (unless it has none yet: then the first to finish does).
    /// </summary>
    [Alias("Variations")]
    Task<JobsRequestResult> Variations(Guid requestId, int count);

    /// <summary>Makes one of the scene's takes the active one of its kind, without generating anything; what is stale follows.</summary>
    [Alias("ActivateTake")]
    Task<TakeResult> ActivateTake(Guid takeId);

    /// <summary>"Use this seed": the take's seed and prompt become the scene's settings.</summary>
    [Alias("ReuseTake")]
    Task<TakeResult> ReuseTake(Guid takeId);

    /// <summary>Deletes one of the scene's takes that is not active; the answer names its file, to delete now.</summary>
    [Alias("DeleteTake")]
    Task<TakeResult> DeleteTake(Guid takeId);

    /// <summary>Cancels one of this scene's jobs; false when the job is not this scene's.</summary>
    [Alias("CancelJob")]
    Task<bool> CancelJob(Guid jobId);

    /// <summary>Cancels every job of this scene still waiting or running (a cascade included); returns how many.</summary>
    [Alias("CancelActive")]
    Task<int> CancelActive();

    /// <summary>
    /// Stores a finished job's output on the scene (what went stale follows; a cascading image
    /// queues its clip), if <paramref name="claimToken"/> still holds the job. Not accepted when
    /// the claim was lost: the output must then be discarded.
    /// </summary>
    [Alias("CompleteJob")]
    Task<CompletionResult> CompleteJob(Guid jobId, Guid claimToken, JobOutput output);

    /// <summary>Marks a job of the scene failed with <paramref name="error"/>, if <paramref name="claimToken"/> still holds it.</summary>
    [Alias("FailJob")]
    Task<bool> FailJob(Guid jobId, Guid claimToken, string error);
}
