using VideoGen.Reliability.Tests.Support;
using VideoGen.TestSupport;
using Xunit.Abstractions;

namespace VideoGen.Reliability.Tests;

/// <summary>
/// R4: the store fails under running work — the doorbell listeners are dropped, every
/// connection of the database is killed, then the database refuses connections for two
/// seconds — and comes back. Every job still finishes, no attempt runs twice, and the
/// listeners listen again. (The server restart itself is <see cref="PostgresRestartTests"/>.)
/// </summary>
public sealed class DatabaseFaultTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StoreFaults_DuringWork_EveryJobFinishesAndListenersListenAgain(string provider)
    {
        await using var run = await StoreFaultRun.StartAsync(provider, sentences: 120);
        if (provider == "sqlite")
        {
            // One process owns a SQLite file: there is no listener, and lanes find work by their poll alone.
            await run.FinishAsync();
            Assert.All(run.Silos, s => Assert.Equal(0, s.Doorbell!.Connections));
            return;
        }

        var faults = new PostgresFaults(run.Cluster.Database);
        await run.WaitForSucceededAsync(30);
        Assert.Equal(2, await faults.DropListenersAsync());
        await run.WaitForListenersAsync(2);

        await run.WaitForSucceededAsync(90);
        Assert.True(await faults.TerminateAllAsync() > 2, "pooled connections and listeners were killed");

        await run.WaitForSucceededAsync(150);
        await faults.OutageAsync(TimeSpan.FromSeconds(2));
        await run.WaitForListenersAsync(4);

        var census = await run.FinishAsync();
        output.WriteLine($"{census}; jobs that needed another attempt: {census.Attempts.Count(a => a.Value > 1)}");
    }
}
