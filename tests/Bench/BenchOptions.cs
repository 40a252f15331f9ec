using VideoGen.TestSupport;

namespace VideoGen.Bench;

/// <summary>What to run: the quick sizes or the full ones, which figures, and the PostgreSQL server (if any).</summary>
public sealed record BenchOptions(bool Quick, string? Postgres, IReadOnlySet<string> Only)
{
    public const string Usage =
        "usage: dotnet run -c Release --project tests/Bench -- [--quick] [--postgres CONNSTRING] [--only P1,P2,...,P7]\n" +
        $"  PostgreSQL runs beside SQLite when --postgres is given or {TestDatabase.PostgresVariable} is set.";

    /// <summary>The engines measured side by side: SQLite always, PostgreSQL when a server is given.</summary>
    public IReadOnlyList<string> Engines => Postgres is null ? ["sqlite"] : ["sqlite", "postgres"];

    /// <summary>Whether <paramref name="figure"/> (P1…P7) is part of this run.</summary>
    public bool Runs(string figure) => Only.Count == 0 || Only.Contains(figure);

    /// <summary>The options of a command line, or null when it cannot be read.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        var quick = false;
        var postgres = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable);
        var only = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--postgres" when i + 1 < args.Count:
                    postgres = args[++i];
                    break;
                case "--only" when i + 1 < args.Count:
                    only.UnionWith(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                default:
                    return null;
            }
        }
        if (string.IsNullOrWhiteSpace(postgres)) postgres = null;
        // The test databases are made on the server this variable names.
        else Environment.SetEnvironmentVariable(TestDatabase.PostgresVariable, postgres);
        return new BenchOptions(quick, postgres, only);
    }
}
