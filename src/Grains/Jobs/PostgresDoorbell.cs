using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using VideoGen.Grains.Storage;

namespace VideoGen.Grains.Jobs;

/// <summary>
/// Listens for other processes' new events on one dedicated PostgreSQL connection and rings
/// the in-process signal, so live pages show them at once. The connection has TCP keepalive;
/// when it drops it is reopened with backoff, and the bell is rung once on (re)connect because
/// rings sent while disconnected are lost. The event feed keeps its slow poll, so a lost ring
/// only delays a page. (Lanes are woken by calls to the device grains, not here.)
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
                connection.Notification += (_, _) => signal.RingEvents();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channels.Events}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                logger.LogInformation("Listening for doorbells on PostgreSQL");
                signal.RingEvents();
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
}
