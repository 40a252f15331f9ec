using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.TestSupport;

namespace VideoGen.Reliability.Tests.Support;

/// <summary>What the store says about every job at once: how many are in each state, and each job's attempts.</summary>
internal sealed record JobCensus(
    int Queued, int Running, int Succeeded, int Failed, int Cancelled, IReadOnlyDictionary<Guid, int> Attempts, IReadOnlyList<string> Errors)
{
    public override string ToString() =>
        $"queued {Queued}, running {Running}, succeeded {Succeeded}, failed {Failed}, cancelled {Cancelled}" +
        (Errors.Count > 0 ? $"; failures: {string.Join(" | ", Errors.Take(3))}" : "");

    public int Total => Queued + Running + Succeeded + Failed + Cancelled;

    public static async Task<JobCensus> TakeAsync(TestDatabase database)
    {
        var rows = (await database.Database.ReadAsync(c => c.QueryAsync<(Guid Id, int Status, int Attempt, string? Error)>(
            "SELECT id, status, attempt, error FROM jobs"), CancellationToken.None)).ToArray();
        int Count(JobStatus status) => rows.Count(r => r.Status == (int)status);
        return new JobCensus(Count(JobStatus.Queued), Count(JobStatus.Running), Count(JobStatus.Succeeded), Count(JobStatus.Failed),
            Count(JobStatus.Cancelled), rows.ToDictionary(r => r.Id, r => r.Attempt),
            rows.Where(r => r.Status == (int)JobStatus.Failed).Select(r => $"{r.Id} attempt {r.Attempt}: {r.Error}").ToArray());
    }

    /// <summary>The census, or null while the store does not answer (it may be down on purpose, as in R4).</summary>
    public static async Task<JobCensus?> TryTakeAsync(TestDatabase database)
    {
        try { return await TakeAsync(database); }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Sentences still missing their image or their clip.</summary>
    public static Task<int> SentencesWithoutBothAsync(TestDatabase database) =>
        database.Database.ReadAsync(c => c.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM sentences WHERE image_file IS NULL OR video_file IS NULL"), CancellationToken.None);

    /// <summary>Waits until <paramref name="expected"/> jobs exist and none is queued or running; returns the final census.</summary>
    public static async Task<JobCensus> WaitForAllFinishedAsync(TestDatabase database, int expected, TimeSpan timeout)
    {
        JobCensus? census = null;
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            census = await TryTakeAsync(database) ?? census;
            if (census is not null && census.Total >= expected && census.Queued == 0 && census.Running == 0) return census;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"After {timeout.TotalSeconds:0} s: {census} (expected {expected} jobs, all finished).");
            await Task.Delay(50);
        }
    }
}
