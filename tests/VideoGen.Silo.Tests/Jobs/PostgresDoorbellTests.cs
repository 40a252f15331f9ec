using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport;
using VideoGen.TestSupport.Cluster;

namespace VideoGen.Silo.Tests.Jobs;

public sealed class PostgresDoorbellTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EventsInAnotherProcess_RingThisProcessesFeed_AndSurviveAKilledConnection(string provider)
    {
        await using var cluster = await QueueCluster.StartAsync(provider);
        var here = new JobSignal();
        var doorbell = new PostgresDoorbell(cluster.Database.Database, here, NullLogger<PostgresDoorbell>.Instance);
        await doorbell.StartAsync(CancellationToken.None);
        try
        {
            if (provider == "sqlite")
            {
                // One process owns a SQLite file: there is nobody to listen to.
                await doorbell.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));
                Assert.Equal(0, doorbell.Connections);
                return;
            }
            await QueueCluster.WaitUntilAsync(() => Task.FromResult(doorbell.Connections == 1), TimeSpan.FromSeconds(10), "the listener to connect");
            var project = await cluster.ImportAsync("One. Two.");

            // Nothing in this process rings our signal: only NOTIFY of the job's events can.
            var bell = here.NextEvents();
            await cluster.Scheduler.RegenerateImageAsync(project.Sentences.First().Id, null, false, CancellationToken.None);
            await bell.WaitAsync(TimeSpan.FromSeconds(5));

            var killed = await cluster.Database.Database.ReadAsync(c => c.ExecuteScalarAsync<int>(
                "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()",
                new { name = PostgresDoorbell.ApplicationName }), CancellationToken.None);
            Assert.Equal(1, killed);
            await QueueCluster.WaitUntilAsync(() => Task.FromResult(doorbell.Connections == 2), TimeSpan.FromSeconds(15), "the listener to reconnect");

            bell = here.NextEvents();
            await cluster.Scheduler.RegenerateImageAsync(project.Sentences.Last().Id, null, false, CancellationToken.None);
            await bell.WaitAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            await doorbell.StopAsync(CancellationToken.None);
        }
    }
}
