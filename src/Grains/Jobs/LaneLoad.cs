using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Jobs;

/// <summary>How much work of one lane kind waits (<paramref name="Queued"/>) and runs (<paramref name="Running"/>) across the cluster.</summary>
public sealed record LaneLoad(Lane Lane, int Queued, int Running);
