using VideoGen.Grains.Jobs;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Reliability.Tests.Support;

/// <summary>
/// How big a reliability run is: short by default, so CI finishes in seconds per test; the long
/// versions (thousands of jobs, minutes of kills) when <c>VIDEOGEN_LONG=1</c>.
/// </summary>
internal static class Soak
{
    public const string Variable = "VIDEOGEN_LONG";

    public static bool IsLong => Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>
    /// The fast test timings with a lease of 5 s instead of 1.5 s: a store that stalls for a
    /// moment (a 2-core machine busy with other builds, a database outage) costs running jobs
    /// no attempt, so a test can demand that every job ran exactly once.
    /// </summary>
    public static readonly QueueTimings PatientTimings = QueueCluster.FastTimings with
    {
        Lease = TimeSpan.FromSeconds(5),
        Heartbeat = TimeSpan.FromSeconds(1),
    };

    /// <summary><paramref name="quick"/> in a short run, <paramref name="soak"/> in a long one.</summary>
    public static T Pick<T>(T quick, T soak) => IsLong ? soak : quick;
}
