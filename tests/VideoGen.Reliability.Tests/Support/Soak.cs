namespace VideoGen.Reliability.Tests.Support;

/// <summary>
/// How big a reliability run is: short by default, so CI finishes in seconds per test; the long
/// versions (thousands of jobs, minutes of kills) when <c>VIDEOGEN_LONG=1</c>.
/// </summary>
internal static class Soak
{
    public const string Variable = "VIDEOGEN_LONG";

    public static bool IsLong => Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary><paramref name="quick"/> in a short run, <paramref name="soak"/> in a long one.</summary>
    public static T Pick<T>(T quick, T soak) => IsLong ? soak : quick;
}
