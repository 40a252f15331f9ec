namespace VideoGen.TestSupport;

/// <summary>What the machine running the tests offers.</summary>
public static class TestEnvironment
{
    /// <summary>Whether the tests run under CI, which installs every tool and service they need.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
