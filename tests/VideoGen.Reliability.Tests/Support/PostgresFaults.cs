using System.Diagnostics;
using Dapper;
using Npgsql;
using VideoGen.Grains.Jobs;
using VideoGen.TestSupport;

namespace VideoGen.Reliability.Tests.Support;

/// <summary>
/// Real faults on the PostgreSQL server a test database lives on, done from an administrator
/// connection to the <c>postgres</c> database: kill the test database's connections,
/// refuse new ones for a while, or restart the whole server.
/// </summary>
internal sealed class PostgresFaults(TestDatabase database)
{
    /// <summary>Set to 1 to let tests restart the local server (it breaks every other PostgreSQL test running at that moment).</summary>
    public const string RestartVariable = "VIDEOGEN_TEST_PG_RESTART";

    private readonly string _name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;

    public static bool RestartAllowed => Environment.GetEnvironmentVariable(RestartVariable) == "1";

    /// <summary>Terminates every connection to the test database, pooled ones included; returns how many.</summary>
    public Task<int> TerminateAllAsync() => TerminateAsync("");

    /// <summary>Kills every connection and refuses new ones for <paramref name="outage"/>: the database is gone, then back.</summary>
    public async Task OutageAsync(TimeSpan outage)
    {
        await AdminAsync($"ALTER DATABASE {_name} WITH ALLOW_CONNECTIONS false");
        try
        {
            await TerminateAllAsync();
            await Task.Delay(outage);
        }
        finally
        {
            await AdminAsync($"ALTER DATABASE {_name} WITH ALLOW_CONNECTIONS true");
        }
    }

    /// <summary>Restarts the local PostgreSQL 15 cluster (<c>pg_ctlcluster 15 main restart</c>) and waits until it answers.</summary>
    public static async Task RestartServerAsync()
    {
        using var restart = Process.Start(new ProcessStartInfo("pg_ctlcluster", ["15", "main", "restart"]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("pg_ctlcluster did not start.");
        var errors = await restart.StandardError.ReadToEndAsync();
        await restart.WaitForExitAsync();
        if (restart.ExitCode != 0) throw new InvalidOperationException($"pg_ctlcluster 15 main restart exited with {restart.ExitCode}: {errors}");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await AdminAsync("SELECT 1");
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private async Task<int> TerminateAsync(string condition)
    {
        await using var admin = await OpenAdminAsync();
        return await admin.ExecuteScalarAsync<int>(
            $"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid() {condition}",
            new { name = _name });
    }

    private static async Task AdminAsync(string sql)
    {
        await using var admin = await OpenAdminAsync();
        await admin.ExecuteAsync(sql);
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable))
        {
            Database = "postgres",
            Pooling = false,
        };
        var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
