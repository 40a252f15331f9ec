using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Jobs;

/// <summary>How long one lane of one device took per job lately: the mean of its last <paramref name="Samples"/> finished jobs.</summary>
public sealed record LaneDuration(string Device, Lane Lane, TimeSpan Average, int Samples);
