using Dapper;
using VideoGen.Silo.Lanes;
using VideoGen.TestSupport;

namespace VideoGen.Bench;

/// <summary>What the benchmarks read straight from the store: when jobs started and finished, and how many succeeded.</summary>
public static class BenchStore
{
    /// <summary>Each succeeded job's claim and finish times (Unix ms, as the queue wrote them).</summary>
    public static async Task<IReadOnlyList<(long StartedAt, long FinishedAt)>> JobTimesAsync(TestDatabase database) =>
        (await database.Database.ReadAsync(c => c.QueryAsync<(long, long)>(
            "SELECT started_at, finished_at FROM jobs WHERE status = 2"), CancellationToken.None)).ToArray();

    /// <summary>Waits until <paramref name="count"/> jobs succeeded (and fails loudly on a failed job or a stall).</summary>
    public static async Task WaitForSucceededAsync(TestDatabase database, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var (succeeded, failed) = await database.Database.ReadAsync(c => c.QuerySingleAsync<(int, int)>(
                "SELECT COALESCE(SUM(CASE WHEN status = 2 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN status = 3 THEN 1 ELSE 0 END), 0) FROM jobs"),
                CancellationToken.None);
            if (failed > 0) throw new InvalidOperationException($"{failed} benchmark jobs failed.");
            if (succeeded >= count) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Only {succeeded} of {count} jobs succeeded within {timeout.TotalSeconds:0} s.");
            await Task.Delay(10);
        }
    }

    /// <summary>Milliseconds from <paramref name="start"/> to the last job's finish.</summary>
    public static async Task<double> MakespanAsync(TestDatabase database, DateTimeOffset start) =>
        (await JobTimesAsync(database)).Max(t => t.FinishedAt) - start.ToUnixTimeMilliseconds();

    /// <summary>
    /// Gives every scene of the store the same start image (a file under <paramref name="media"/>),
    /// so "generate all" queues one clip per scene and nothing cascades.
    /// </summary>
    public static async Task GiveEverySceneAnImageAsync(TestDatabase database, MediaFiles media)
    {
        const string image = "bench/start.png";
        var path = media.ToAbsolute(image)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, [0x89, 0x50, 0x4E, 0x47]);
        await database.Database.ReadAsync(c => c.ExecuteAsync(
            "UPDATE sentences SET image_file = @image, is_image_dirty = @no", new { image, no = false }), CancellationToken.None);
    }
}
