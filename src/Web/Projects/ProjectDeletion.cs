using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Lanes;

namespace VideoGen.Web.Projects;

/// <summary>
/// Deletes a project of its owner: its queued and running jobs are cancelled first (so no lane
/// stores into a scene that is going away), then its rows, then its files.
/// </summary>
public sealed class ProjectDeletion(IOwnershipStore owned, JobScheduler scheduler, IProjectStore projects, MediaFiles media)
{
    /// <summary>False when the project does not exist or is not <paramref name="ownerId"/>'s.</summary>
    public async Task<bool> DeleteAsync(Guid projectId, Guid ownerId, CancellationToken ct)
    {
        if (await owned.ProjectOfAsync(OwnedKind.Project, projectId, ownerId, ct) is null) return false;
        await scheduler.CancelProjectAsync(projectId, ct);
        // Two deletions at once: the one that removed the rows removes the files.
        if (!await projects.DeleteAsync(projectId, ownerId, ct)) return false;
        media.DeleteProject(projectId);
        return true;
    }
}
