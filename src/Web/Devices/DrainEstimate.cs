using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;

namespace VideoGen.Web.Devices;

/// <summary>
/// When a lane kind's queue should be empty: its devices that take work run in parallel, each at the
/// pace of its own recent jobs on that lane (or, for a device without any, the lane's pace across the cluster).
/// </summary>
public static class DrainEstimate
{
    /// <summary>The estimate for <paramref name="lane"/> with <paramref name="queued"/> jobs waiting on <paramref name="devices"/>.</summary>
    public static (TimeSpan? DrainsIn, string? Why) For(Lane lane, int queued, IReadOnlyCollection<string> devices, IReadOnlyList<LaneDuration> durations)
    {
        if (queued == 0) return (TimeSpan.Zero, null);
        var name = lane.ToString().ToLowerInvariant();
        if (devices.Count == 0) return (null, $"no device takes {name} work now");
        var ofLane = durations.Where(d => d.Lane == lane).ToArray();
        if (ofLane.Length == 0) return (null, $"no {name} job finished in the last {LaneWorkloadReader.DurationWindow.TotalHours:0} h to estimate from");
        var laneSeconds = ofLane.Sum(d => d.Average.TotalSeconds * d.Samples) / ofLane.Sum(d => d.Samples);
        var jobsPerSecond = devices.Sum(device =>
        {
            var seconds = ofLane.FirstOrDefault(d => d.Device == device)?.Average.TotalSeconds ?? laneSeconds;
            // A lane whose jobs took no measurable time still takes its turn: count it at a millisecond.
            return 1 / Math.Max(seconds, 0.001);
        });
        return (TimeSpan.FromSeconds(queued / jobsPerSecond), null);
    }
}
