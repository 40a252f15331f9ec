using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// Listens for other processes' doorbells on one dedicated PostgreSQL connection and rings
/// the in-process signal. The connection has TCP keepalive; when it drops it is reopened
/// with backoff, and every bell is rung once on (re)connect because rings sent while
/// disconnected are lost. Lanes keep their slow poll, so a lost ring only delays work.
/// </summary>
public sealed class PostgresDoorbell(Database database, JobSignal signal, ILogger<PostgresDoorbell> logger) : BackgroundService
{
    /// <summary>The application name of the listening connection, so operators (and tests) can find it in pg_stat_activity.</summary>
    public const string ApplicationName = "videogen-doorbell";

    private int _connections;

    /// <summary>How many times the listener connected (1 when it never dropped).</summary>
    public int Connections => Volatile.Read(ref _connections);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database is not PostgresDatabase postgres) return;
        var connectionString = new NpgsqlConnectionStringBuilder(postgres.ConnectionString)
        {
            ApplicationName = ApplicationName,
            Pooling = false,
            KeepAlive = 15,
        }.ToString();
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Ring(e.Channel);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channels.Jobs}; LISTEN {Channels.Cancel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                logger.LogInformation("Listening for doorbells on PostgreSQL");
                signal.RingAllWork();
                signal.RingCancel();
                Interlocked.Increment(ref _connections);
                delay = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The doorbell connection to PostgreSQL dropped; reconnecting in {Delay}", delay);
                try { await Task.Delay(delay, stoppingToken); }
                catch (OperationCanceledException) { return; }
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 10_000));
            }
        }
    }

    private void Ring(string channel)
    {
        switch (channel)
        {
            case Channels.Jobs: signal.RingAllWork(); break;
            case Channels.Cancel: signal.RingCancel(); break;
        }
    }
}
