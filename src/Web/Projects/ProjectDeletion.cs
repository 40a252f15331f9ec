using VideoGen.Silo.Lanes;
using VideoGen.Web.Commands;

namespace VideoGen.Web.Projects;

/// <summary>
/// Deletes a project of its owner: its queued and running jobs are cancelled first (so no lane
/// stores into a scene that is going away), then its rows, then its files.
/// </summary>
public sealed class ProjectDeletion(StudioGrains grains, MediaFiles media)
{
    /// <summary>False when the project does not exist or is not <paramref name="ownerId"/>'s.</summary>
    public async Task<bool> DeleteAsync(Guid projectId, Guid ownerId, CancellationToken ct)
    {
        // Two deletions at once: the one that removed the rows removes the files.
        if (!await grains.ProjectAsync(projectId, g => g.Delete(ownerId), ct)) return false;
        media.DeleteProject(projectId);
        return true;
    }
}
