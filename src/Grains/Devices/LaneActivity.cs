using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Devices;

/// <summary>One lane of a device and the job it runs now (null when idle).</summary>
[GenerateSerializer, Alias("VideoGen.LaneActivity")]
public sealed record LaneActivity([property: Id(0)] Lane Lane, [property: Id(1)] Guid? JobId);
