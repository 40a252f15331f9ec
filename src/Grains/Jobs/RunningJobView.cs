using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Jobs;

/// <summary>A job running on a device lane now, as the devices page shows it.</summary>
public sealed record RunningJobView(
    Guid Id, string Device, Lane Lane, JobKind Kind, string? Silo, DateTimeOffset? StartedAt, double Progress, string? Step, int Attempt);
