using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// Reads the lanes' workload from the jobs table for the operator's view, whoever drives the lanes:
/// the durable truth of what waits and what runs is the jobs rows.
/// </summary>
public sealed class LaneWorkloadReader(Database database, TimeProvider clock)
{
    /// <summary>How far back finished jobs count towards a lane's recent duration.</summary>
    public static readonly TimeSpan DurationWindow = TimeSpan.FromHours(24);

    /// <summary>At most this many of a lane's latest jobs make its mean, so it follows a change of workflow or GPU.</summary>
    public const int DurationSamples = 20;

    public Task<LaneWorkload> ReadAsync(CancellationToken ct) => database.ReadAsync(async connection =>
    {
        var queued = (await connection.QueryAsync<(int Lane, int Queued)>(new CommandDefinition(
            "SELECT lane, CAST(COUNT(*) AS integer) FROM jobs WHERE status = 0 GROUP BY lane", cancellationToken: ct)))
            .ToDictionary(q => (Lane)q.Lane, q => q.Queued);
        var held = (await connection.QueryAsync<RunningRow>(new CommandDefinition(
            "SELECT id, device, lane, kind, silo, started_at, progress, step, attempt, lane_stage FROM jobs WHERE status = 1 ORDER BY device, lane",
            cancellationToken: ct))).ToArray();
        // A lane's next job waits for the device like a queued one; a job storing its output has left the device.
        foreach (var next in held.Where(j => j.LaneStage == (int)LaneStage.Next))
            queued[(Lane)next.Lane] = queued.GetValueOrDefault((Lane)next.Lane) + 1;
        var running = held.Where(j => j.LaneStage == (int)LaneStage.OnDevice).ToArray();
        var runningPerLane = running.CountBy(r => (Lane)r.Lane).ToDictionary();
        // Each lane's latest successes in the window, numbered newest first, averaged over the first few.
        var durations = await connection.QueryAsync<(string Device, int Lane, double AverageMs, int Samples)>(new CommandDefinition("""
            SELECT device, lane, CAST(AVG(finished_at - started_at) AS double precision), CAST(COUNT(*) AS integer) FROM (
                SELECT device, lane, started_at, finished_at,
                       ROW_NUMBER() OVER (PARTITION BY device, lane ORDER BY finished_at DESC) AS n
                FROM jobs WHERE status = 2 AND finished_at >= @since AND started_at IS NOT NULL AND device IS NOT NULL) AS recent
            WHERE n <= @samples GROUP BY device, lane ORDER BY device, lane
            """, new { since = UnixTime.ToMs(clock.GetUtcNow() - DurationWindow), samples = DurationSamples }, cancellationToken: ct));
        return new LaneWorkload(
            queued.Keys.Union(runningPerLane.Keys).Order()
                .Select(l => new LaneLoad(l, queued.GetValueOrDefault(l), runningPerLane.GetValueOrDefault(l))).ToArray(),
            running.Select(r => new RunningJobView(r.Id, r.Device, (Lane)r.Lane, (JobKind)r.Kind, r.Silo, UnixTime.FromMs(r.StartedAt), r.Progress, r.Step, r.Attempt)).ToArray(),
            durations.Select(d => new LaneDuration(d.Device, (Lane)d.Lane, TimeSpan.FromMilliseconds(d.AverageMs), d.Samples)).ToArray());
    }, ct);

    private sealed class RunningRow
    {
        public Guid Id { get; set; }
        public string Device { get; set; } = "";
        public int Lane { get; set; }
        public int Kind { get; set; }
        public string? Silo { get; set; }
        public long? StartedAt { get; set; }
        public double Progress { get; set; }
        public string? Step { get; set; }
        public int Attempt { get; set; }
        public int LaneStage { get; set; }
    }
}
