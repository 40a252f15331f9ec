using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Projects;
using VideoGen.Grains.Scenes;

namespace VideoGen.Web.Commands;

/// <summary>
/// How pages and API endpoints send commands: to the grain that owns the scene or the project,
/// retried briefly while the cluster answers with a transient error. A command's request id is
/// chosen before the first try, so a retry is the same request.
/// </summary>
public sealed class StudioGrains(IGrainFactory grains)
{
    /// <summary>Sends <paramref name="command"/> to the scene <paramref name="sentenceId"/>.</summary>
    public Task<T> SceneAsync<T>(Guid sentenceId, Func<ISentenceGrain, Task<T>> command, CancellationToken ct) =>
        ClusterRetry.Default.SendAsync(() => command(grains.GetGrain<ISentenceGrain>(sentenceId)), ct);

    /// <summary>Sends <paramref name="command"/> to the project <paramref name="projectId"/>.</summary>
    public Task<T> ProjectAsync<T>(Guid projectId, Func<IProjectGrain, Task<T>> command, CancellationToken ct) =>
        ClusterRetry.Default.SendAsync(() => command(grains.GetGrain<IProjectGrain>(projectId)), ct);

    /// <summary>Cancels <paramref name="job"/> through the grain that owns it: its scene's, or its project's for an export.</summary>
    public Task<bool> CancelJobAsync(GenerationJob job, CancellationToken ct) => job.SentenceId is { } sentenceId
        ? SceneAsync(sentenceId, g => g.CancelJob(job.Id), ct)
        : ProjectAsync(job.ProjectId, g => g.CancelJob(job.Id), ct);
}
