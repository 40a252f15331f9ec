using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;

namespace VideoGen.Grains.Projects;

/// <summary>
/// One project, keyed by its id: its import, its batches (generate all, retry failed,
/// regenerate dirty, cancel), its narration settings, its final cuts, its deletion. Each
/// batch is one transaction. Requests carrying a request id are answered once.
/// </summary>
[Alias("VideoGen.IProjectGrain")]
public interface IProjectGrain : IGrainWithGuidKey
{
    /// <summary>Makes this project from a script; refused with errors per field for bad input.</summary>
    [Alias("Import")]
    Task<ImportResult> Import(ImportProject request);

    /// <summary>Queues what every scene lacks; null when the project does not exist.</summary>
    [Alias("GenerateAll")]
    Task<BatchResult?> GenerateAll(Guid requestId);

    /// <summary>Queues again what failed; null when the project does not exist.</summary>
    [Alias("RetryFailed")]
    Task<BatchResult?> RetryFailed(Guid requestId);

    /// <summary>Regenerates stale images (with their clips) and/or stale clips; null when the project does not exist.</summary>
    [Alias("RegenerateDirty")]
    Task<BatchResult?> RegenerateDirty(Guid requestId, bool images, bool videos);

    /// <summary>Queues what keeps each scene from a current final cut (missing, failed or stale assets); null when the project does not exist.</summary>
    [Alias("RegenerateUnready")]
    Task<BatchResult?> RegenerateUnready(Guid requestId);

    /// <summary>Cancels the scenes' waiting and running work (not exports); returns how many jobs.</summary>
    [Alias("CancelScenes")]
    Task<int> CancelScenes();

    /// <summary>Cancels this project's work and deletes its rows; false when it is not <paramref name="ownerId"/>'s. The caller deletes its files.</summary>
    [Alias("Delete")]
    Task<bool> Delete(Guid ownerId);

    /// <summary>Sets the narration voice and speed (stale narration follows); null when the project is not <paramref name="ownerId"/>'s.</summary>
    [Alias("ChangeNarration")]
    Task<NarrationSettings?> ChangeNarration(Guid ownerId, NarrationSettings settings);

    /// <summary>Queues a final cut, or says which scenes lack what it needs.</summary>
    [Alias("StartExport")]
    Task<ExportStart> StartExport(Guid requestId, Guid ownerId, ExportSettings settings);

    /// <summary>Deletes one of this project's exports; the files to delete, or null when it is not <paramref name="ownerId"/>'s.</summary>
    [Alias("DeleteExport")]
    Task<IReadOnlyList<string>?> DeleteExport(Guid ownerId, Guid exportId);

    /// <summary>Cancels one of this project's jobs that belongs to no scene (an export); false when it is not such a job.</summary>
    [Alias("CancelJob")]
    Task<bool> CancelJob(Guid jobId);
}
