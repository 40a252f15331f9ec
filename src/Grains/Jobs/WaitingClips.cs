using System.Data.Common;
using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// The clips waiting in the queue for their scene's narration (a clip lasts as long as its
/// narration, so the claim skips it meanwhile). A narration that fails for good fails them
/// too: made without it, a clip would have a made-up length.
/// </summary>
internal static class WaitingClips
{
    /// <summary>
    /// Fails the queued clips of <paramref name="job"/>'s scene when the job is a narration that
    /// failed for good, and shows that on <paramref name="sentence"/>; the caller saves the
    /// sentence, then the clips returned (<see cref="SaveAsync"/>). Empty for any other job.
    /// </summary>
    public static async Task<IReadOnlyList<GenerationJob>> StopAsync(
        Database database, DbConnection connection, DbTransaction transaction, GenerationJob job, Sentence? sentence, DateTimeOffset now, CancellationToken ct)
    {
        if (job is not { Kind: JobKind.Audio, Status: JobStatus.Failed } || sentence is null) return [];
        var waiting = await connection.QueryAsync<JobRow>(new CommandDefinition(
            $"SELECT {JobRow.Columns} FROM jobs WHERE sentence_id = @sentenceId AND kind = @video AND status = @queued{database.RowLockClause}",
            new { sentenceId = sentence.Id, video = (int)JobKind.Video, queued = (int)JobStatus.Queued }, transaction, cancellationToken: ct));
        var stopped = new List<GenerationJob>();
        foreach (var clip in waiting.Select(row => GenerationJob.FromState(row.ToState())))
        {
            if (!clip.FailForNarration(job.Error, now)) continue;
            sentence.ReflectJob(clip, now);
            stopped.Add(clip);
        }
        return stopped;
    }

    /// <summary>Saves the clips <see cref="StopAsync"/> failed, which were queued and unclaimed when loaded.</summary>
    public static async Task SaveAsync(Database database, DbConnection connection, DbTransaction transaction, IReadOnlyList<GenerationJob> clips,
        DateTimeOffset now, CancellationToken ct, bool withEvents = false)
    {
        foreach (var clip in clips)
        {
            if (!await JobRecords.SaveAsync(database, connection, transaction, clip, JobStatus.Queued, null, now, ct, withEvents: withEvents))
                throw new StoreConflictException($"Job {clip.Id} changed while locked.");
        }
    }
}
