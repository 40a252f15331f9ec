using VideoGen.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace VideoGen.Reliability.Tests;

/// <summary>Tests that restart the PostgreSQL server: nothing else of this assembly runs meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresRestartCollection
{
    /// <summary>The collection's name, for <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "PostgreSQL restarts";
}

/// <summary>
/// R4 with a real server restart (<c>pg_ctlcluster 15 main restart</c>) in the middle of work.
/// It breaks every other PostgreSQL connection on the server for a moment, other test
/// assemblies' included, so it runs only when <c>VIDEOGEN_TEST_PG_RESTART=1</c> (CI runs it on
/// its own, before the other tests).
/// </summary>
[Collection(PostgresRestartCollection.Name)]
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    [PostgresRestartFact]
    public async Task ServerRestart_DuringWork_EveryJobFinishes()
    {
        await using var run = await StoreFaultRun.StartAsync("postgres", sentences: 120);
        await run.WaitForSucceededAsync(60);

        await PostgresFaults.RestartServerAsync();

        var census = await run.FinishAsync();
        output.WriteLine($"{census}; jobs that needed another attempt: {census.Attempts.Count(a => a.Value > 1)}");
    }
}

/// <summary>A fact that is skipped unless restarting the local PostgreSQL server is allowed.</summary>
public sealed class PostgresRestartFactAttribute : FactAttribute
{
    public PostgresRestartFactAttribute()
    {
        if (!PostgresFaults.RestartAllowed)
            Skip = $"Restarts the PostgreSQL server: set {PostgresFaults.RestartVariable}=1 (and {VideoGen.TestSupport.TestDatabase.PostgresVariable}) to run it.";
    }
}
