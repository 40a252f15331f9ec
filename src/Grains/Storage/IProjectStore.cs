using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>
/// Projects with their sections and sentences. Every read and delete names the owner: a
/// project of another account is answered exactly like one that does not exist.
/// </summary>
public interface IProjectStore
{
    /// <summary>Saves a new project, its sections, sentences and events in one transaction.</summary>
    Task CreateAsync(Project project, CancellationToken ct);

    /// <summary>The whole project in narration order, or null when it does not exist or is not <paramref name="ownerId"/>'s.</summary>
    Task<Project?> GetAsync(Guid id, Guid ownerId, CancellationToken ct);

    /// <summary>
    /// One section of the project with its sentences, read without the rest of the project; null when the
    /// section is not in <paramref name="projectId"/> or the project is not <paramref name="ownerId"/>'s.
    /// </summary>
    Task<Section?> GetSectionAsync(Guid projectId, Guid sectionId, Guid ownerId, CancellationToken ct);

    /// <summary>The projects of <paramref name="ownerId"/>, most recently changed first.</summary>
    Task<IReadOnlyList<ProjectSummary>> ListAsync(Guid ownerId, CancellationToken ct);

    /// <summary>Deletes the project and everything in it; false when it did not exist or is not <paramref name="ownerId"/>'s.</summary>
    Task<bool> DeleteAsync(Guid id, Guid ownerId, CancellationToken ct);

    /// <summary>For each of the account's projects that has one, its first generated image (relative to the media root).</summary>
    Task<IReadOnlyDictionary<Guid, string>> ThumbnailsAsync(Guid ownerId, CancellationToken ct);
}
