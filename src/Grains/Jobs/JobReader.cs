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
        ProjectProgress.Of(await ListByProjectAsync(projectId, ct));

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
