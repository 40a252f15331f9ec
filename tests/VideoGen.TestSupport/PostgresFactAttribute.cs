using Xunit;

namespace VideoGen.TestSupport;

/// <summary>
/// A fact about PostgreSQL alone (behaviour SQLite's single writer cannot show). Skipped, and
/// said so, where no PostgreSQL is configured; never skipped in CI.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.PostgresRuns)
            Skip = $"Needs PostgreSQL: set {TestDatabase.PostgresVariable}.";
    }
}
