using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Jobs;

/// <summary>Reads jobs for pages, the API and tests.</summary>
public sealed class JobReader(Database database)
{
    public Task<GenerationJob?> GetAsync(Guid id, CancellationToken ct) =>
        database.ReadAsync(connection => JobRecords.LoadAsync(connection, null, id, lockClause: "", ct), ct);

    /// <summary>The project's current run of generation, counted in scenes.</summary>
    public async Task<ProjectProgress> ProgressAsync(Guid projectId, CancellationToken ct) =>
        ProjectProgress.Of(await CurrentRunAsync(projectId, ct));

    /// <summary>
    /// The scene jobs of the project's current run as <see cref="ProjectProgress"/> defines it, oldest
    /// first: the run of the oldest job still waiting or running, or when nothing is, of the newest job.
    /// Everything a progress or a storyboard frame needs, without the project's older history.
    /// </summary>
    public Task<IReadOnlyList<GenerationJob>> CurrentRunAsync(Guid projectId, CancellationToken ct)
    {
        const string sceneJobs = "project_id = @projectId AND sentence_id IS NOT NULL";
        // As ProjectProgress.RunOf: a job queued before runs had ids is a run of its own.
        const string run = "COALESCE(batch_id, id)";
        const string activeRun = $"(SELECT {run} FROM jobs WHERE {sceneJobs} AND status IN (0, 1) ORDER BY created_at, id LIMIT 1)";
        // The newest job; on a tie in time, the first of them by id, as ProjectProgress picks it.
        const string lastRun = $"(SELECT {run} FROM jobs WHERE {sceneJobs} ORDER BY created_at DESC, id LIMIT 1)";
        return ListAsync($"{sceneJobs} AND {run} = COALESCE({activeRun}, {lastRun})", new { projectId }, ct);
    }

    /// <summary>Every job of a project, oldest first.</summary>
    public Task<IReadOnlyList<GenerationJob>> ListByProjectAsync(Guid projectId, CancellationToken ct) =>
        ListAsync("project_id = @projectId", new { projectId }, ct);

    /// <summary>The project's jobs that wait or run, oldest first (not its finished history).</summary>
    public Task<IReadOnlyList<GenerationJob>> ActiveForProjectAsync(Guid projectId, CancellationToken ct) =>
        ListAsync("project_id = @projectId AND status IN (0, 1)", new { projectId }, ct);

    /// <summary>The sentence's jobs that wait or run, oldest first.</summary>
    public Task<IReadOnlyList<GenerationJob>> ActiveForSentenceAsync(Guid sentenceId, CancellationToken ct) =>
        ListAsync("sentence_id = @sentenceId AND status IN (0, 1)", new { sentenceId }, ct);

    private Task<IReadOnlyList<GenerationJob>> ListAsync(string where, object parameters, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<GenerationJob>>(async connection => (await connection.QueryAsync<JobRow>(new CommandDefinition(
            $"SELECT {JobRow.Columns} FROM jobs WHERE {where} ORDER BY created_at, id", parameters, cancellationToken: ct)))
            .Select(r => GenerationJob.FromState(r.ToState())).ToArray(), ct);
}
