using VideoGen.Reliability.Tests.Support;
using VideoGen.TestSupport;
using Xunit.Abstractions;

namespace VideoGen.Reliability.Tests;

/// <summary>
/// R4: the store fails under running work — every connection of the database is killed, then
/// the database refuses connections for two seconds — and comes back. Every job still
/// finishes and no attempt runs twice. (The server restart itself is <see cref="PostgresRestartTests"/>.)
/// </summary>
public sealed class DatabaseFaultTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StoreFaults_DuringWork_EveryJobFinishes(string provider)
    {
        await using var run = await StoreFaultRun.StartAsync(provider, sentences: 120);
        if (provider == "sqlite")
        {
            // One process owns a SQLite file: there is no server to fail, only the work to finish.
            await run.FinishAsync();
            return;
        }

        var faults = new PostgresFaults(run.Cluster.Database);
        await run.WaitForSucceededAsync(90);
        Assert.True(await faults.TerminateAllAsync() > 0, "pooled connections were killed");

        await run.WaitForSucceededAsync(150);
        await faults.OutageAsync(TimeSpan.FromSeconds(2));

        var census = await run.FinishAsync();
        output.WriteLine($"{census}; jobs that needed another attempt: {census.Attempts.Count(a => a.Value > 1)}");
    }
}
