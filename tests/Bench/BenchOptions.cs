using VideoGen.TestSupport;

namespace VideoGen.Bench;

/// <summary>
/// What to run: the quick sizes or the full ones, which figures, the PostgreSQL server (if any),
/// and the git commit whose benchmark to run beside this one's (if any).
/// </summary>
public sealed record BenchOptions(bool Quick, string? Postgres, IReadOnlySet<string> Only, string? Against)
{
    /// <summary>
    /// The previous design: the last commit before the Orleans move, the first parent of 15fee5e
    /// ("Sentence and project grains own the creator's commands…"), written out in full so it
    /// names the same tree in any clone.
    /// </summary>
    public const string PreviousDesign = "210863d9cfb6e3961bee62d86536dcbae76b360d";

    public const string Usage =
        "usage: dotnet run -c Release --project tests/Bench -- [--quick] [--postgres CONNSTRING] [--only P1,P2,...,P7] [--against [GIT-REF]]\n" +
        $"  PostgreSQL runs beside SQLite when --postgres is given or {TestDatabase.PostgresVariable} is set.\n" +
        $"  --against builds GIT-REF's benchmark (default: the design before Orleans, {PreviousDesign}) and prints both side by side.";

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
        string? against = null;
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
                case "--against":
                    against = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : PreviousDesign;
                    break;
                default:
                    return null;
            }
        }
        if (string.IsNullOrWhiteSpace(postgres)) postgres = null;
        // The test databases are made on the server this variable names.
        else Environment.SetEnvironmentVariable(TestDatabase.PostgresVariable, postgres);
        return new BenchOptions(quick, postgres, only, against);
    }
}
