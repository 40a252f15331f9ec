namespace VideoGen.Grains.Jobs;

/// <summary>What the lanes of the whole cluster have to do: queued and running work per lane kind, what runs where, and recent job durations.</summary>
public sealed record LaneWorkload(IReadOnlyList<LaneLoad> Lanes, IReadOnlyList<RunningJobView> Running, IReadOnlyList<LaneDuration> Durations);
