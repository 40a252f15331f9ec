using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.Silo.Lanes;
using VideoGen.TestSupport;

namespace VideoGen.Bench;

/// <summary>What the benchmarks read straight from the store: when jobs started and finished, and how many succeeded.</summary>
public static class BenchStore
{
    /// <summary>
    /// Each succeeded image and clip job's claim and finish times (Unix ms, as the queue wrote
    /// them). Narration is left out: it runs on the CPU lane, beside the GPU's work.
    /// </summary>
    public static async Task<IReadOnlyList<(long StartedAt, long FinishedAt)>> GpuJobTimesAsync(TestDatabase database) =>
        (await database.Database.ReadAsync(c => c.QueryAsync<(long, long)>(
            "SELECT started_at, finished_at FROM jobs WHERE status = 2 AND kind IN (@image, @video)",
            new { image = (int)JobKind.Image, video = (int)JobKind.Video }), CancellationToken.None)).ToArray();

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

    /// <summary>Milliseconds from <paramref name="start"/> to the last image or clip job's finish.</summary>
    public static async Task<double> MakespanAsync(TestDatabase database, DateTimeOffset start) =>
        (await GpuJobTimesAsync(database)).Max(t => t.FinishedAt) - start.ToUnixTimeMilliseconds();

    /// <summary>
    /// Gives every scene of the store the same start image and the same current narration
    /// (files under <paramref name="media"/>), so "generate all" queues exactly one clip per
    /// scene: no narration for the CPU lane, and no clip waiting for one.
    /// </summary>
    public static async Task GiveEverySceneImageAndNarrationAsync(TestDatabase database, MediaFiles media)
    {
        const string image = "bench/start.png", audio = "bench/narration.wav";
        foreach (var file in new[] { image, audio })
        {
            var path = media.ToAbsolute(file)!;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, [0x89, 0x50, 0x4E, 0x47]);
        }
        await database.Database.ReadAsync(c => c.ExecuteAsync(
            "UPDATE sentences SET image_file = @image, is_image_dirty = @no, audio_file = @audio, audio_duration = @seconds, is_audio_dirty = @no",
            new { image, audio, seconds = 1.5, no = false }), CancellationToken.None);
    }
}
