using Xunit;

namespace VideoGen.TestSupport;

/// <summary>
/// A PostgreSQL fact too long for every CI run (repeated kills, measured figures): it runs when
/// <c>VIDEOGEN_LONG=1</c> and PostgreSQL is configured, and is skipped, saying so, otherwise.
/// </summary>
public sealed class LongPostgresFactAttribute : FactAttribute
{
    /// <summary>The environment variable that asks for the long tests.</summary>
    public const string Variable = "VIDEOGEN_LONG";

    public LongPostgresFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
            Skip = $"A long test: set {Variable}=1.";
        else if (!TestDatabase.PostgresRuns)
            Skip = $"Needs PostgreSQL: set {TestDatabase.PostgresVariable}.";
    }
}
