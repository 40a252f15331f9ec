using VideoGen.Grains.Domain;
using VideoGen.Grains.Jobs;

namespace VideoGen.Web.Devices;

/// <summary>One lane of a device: the job it runs now (null when idle) and how long its jobs took lately (null when none finished).</summary>
public sealed record LaneView(Lane Lane, RunningJobView? Running, TimeSpan? RecentJobDuration);
