using VideoGen.Grains.Domain;

namespace VideoGen.Web.Devices;

/// <summary>
/// Work of one lane kind across the cluster: queued and running jobs, how many devices take it now, and
/// when the queue should be empty at recent speeds (<paramref name="DrainsIn"/>; null, with
/// <paramref name="Why"/>, when that cannot be told).
/// </summary>
public sealed record LaneQueueView(Lane Lane, int Queued, int Running, int Devices, TimeSpan? DrainsIn, string? Why);
