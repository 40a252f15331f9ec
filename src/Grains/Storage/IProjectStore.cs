using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>Projects with their sections and sentences.</summary>
public interface IProjectStore
{
    /// <summary>Saves a new project, its sections, sentences and events in one transaction.</summary>
    Task CreateAsync(Project project, CancellationToken ct);

    /// <summary>The whole project in narration order, or null.</summary>
    Task<Project?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>All projects, most recently changed first.</summary>
    Task<IReadOnlyList<ProjectSummary>> ListAsync(CancellationToken ct);

    /// <summary>Deletes the project and everything in it; false when it did not exist.</summary>
    Task<bool> DeleteAsync(Guid id, CancellationToken ct);
}
