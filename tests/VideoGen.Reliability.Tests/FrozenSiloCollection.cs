namespace VideoGen.Reliability.Tests;

/// <summary>
/// Tests that freeze a silo process and time its rescue by another one run alone: on a two-core
/// machine the other reliability tests' processes slow the rescuer's start and lease renewals enough
/// to distort the timings these tests assert.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FrozenSiloCollection
{
    public const string Name = "frozen silos";
}
