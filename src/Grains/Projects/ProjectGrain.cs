using System.Data.Common;
using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Projects;

/// <summary>
/// A project's commands, one at a time. Like the sentence grain it keeps no copy of its rows:
/// each command is one transaction on the store, which also holds the sentences' row versions
/// and the jobs' claim tokens, so a batch and a scene's own command never lose each other's writes.
/// </summary>
public sealed class ProjectGrain(
    IProjectStore projects, IOwnershipStore owners, JobScheduler scheduler, JobReader jobs, ExportScheduler exports, NarrationSettingsStore narration, TimeProvider clock)
    : Grain, IProjectGrain
{
    private readonly RecentRequests<BatchResult?> _batches = new(16);
    private readonly RecentRequests<ExportStart> _exports = new(16);

    private Guid Id => this.GetPrimaryKey();

    /// <inheritdoc />
    public async Task<ImportResult> Import(ImportProject request)
    {
        var imported = Project.Import(Id, request.OwnerId, request.Name, request.Script, request.AspectRatio, request.Style, clock.GetUtcNow());
        if (!imported.Succeeded) return new ImportResult(imported.Errors);
        try
        {
            await projects.CreateAsync(imported.Value, CancellationToken.None);
        }
        catch (DbException)
        {
            // A retry of an import whose answer was lost finds the project already stored.
            if (!await OwnsAsync(request.OwnerId)) throw;
        }
        return ImportResult.Created;
    }

    /// <inheritdoc />
    public Task<BatchResult?> GenerateAll(Guid requestId) =>
        _batches.OnceAsync(requestId, () => scheduler.GenerateAllAsync(Id, CancellationToken.None));

    /// <inheritdoc />
    public Task<BatchResult?> RetryFailed(Guid requestId) =>
        _batches.OnceAsync(requestId, () => scheduler.RetryFailedAsync(Id, CancellationToken.None));

    /// <inheritdoc />
    public Task<BatchResult?> RegenerateDirty(Guid requestId, bool images, bool videos) =>
        _batches.OnceAsync(requestId, () => scheduler.RegenerateDirtyAsync(Id, images, videos, CancellationToken.None));

    /// <inheritdoc />
    public Task<BatchResult?> RegenerateUnready(Guid requestId) =>
        _batches.OnceAsync(requestId, () => scheduler.RegenerateUnreadyAsync(Id, CancellationToken.None));

    /// <inheritdoc />
    public Task<int> CancelScenes() => scheduler.CancelScenesAsync(Id, CancellationToken.None);

    /// <inheritdoc />
    public async Task<bool> Delete(Guid ownerId)
    {
        if (!await OwnsAsync(ownerId)) return false;
        // Jobs first, so no lane stores into a scene that is going away.
        await scheduler.CancelProjectAsync(Id, CancellationToken.None);
        var deleted = await projects.DeleteAsync(Id, ownerId, CancellationToken.None);
        if (deleted) DeactivateOnIdle();
        return deleted;
    }

    /// <inheritdoc />
    public Task<NarrationSettings?> ChangeNarration(Guid ownerId, NarrationSettings settings) =>
        narration.ChangeAsync(Id, ownerId, settings, CancellationToken.None);

    /// <inheritdoc />
    public Task<ExportStart> StartExport(Guid requestId, Guid ownerId, ExportSettings settings) =>
        _exports.OnceAsync(requestId, () => exports.StartAsync(Id, ownerId, settings, CancellationToken.None));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>?> DeleteExport(Guid ownerId, Guid exportId) =>
        exports.DeleteAsync(exportId, ownerId, CancellationToken.None);

    private async Task<bool> OwnsAsync(Guid ownerId) =>
        await owners.ProjectOfAsync(OwnedKind.Project, Id, ownerId, CancellationToken.None) is not null;

    /// <inheritdoc />
    public async Task<bool> CancelJob(Guid jobId)
    {
        if (await jobs.GetAsync(jobId, CancellationToken.None) is not { } job || job.ProjectId != Id || job.SentenceId is not null) return false;
        await scheduler.CancelAsync(jobId, CancellationToken.None);
        return true;
    }
}
