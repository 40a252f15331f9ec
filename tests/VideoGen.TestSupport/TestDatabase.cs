using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VideoGen.Grains.Storage;
using Xunit;

namespace VideoGen.TestSupport;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a temporary folder, or a new
/// PostgreSQL database on the server named by <c>VIDEOGEN_TEST_POSTGRES</c>, dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Connection string of a PostgreSQL server where tests may create databases.</summary>
    public const string PostgresVariable = "VIDEOGEN_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, Database database, string? folder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Database = database;
        _folder = folder;
        _postgresName = postgresName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public Database Database { get; }

    /// <summary>
    /// The providers storage tests run on: SQLite always; PostgreSQL when a server is given,
    /// and always under CI, where a missing server is a failure rather than a skip.
    /// </summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (PostgresRuns) data.Add("postgres");
            return data;
        }
    }

    public static bool PostgresAvailable => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    /// <summary>Whether PostgreSQL tests run here: when configured, and always under CI.</summary>
    public static bool PostgresRuns => PostgresAvailable || TestEnvironment.IsCi;

    /// <summary>A new empty database of <paramref name="provider"/>, not yet migrated.</summary>
    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "videogen-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var connectionString = $"Data Source={Path.Combine(folder, "videogen.db")}";
            return new TestDatabase(provider, connectionString, new SqliteDatabase(connectionString), folder, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
            throw new InvalidOperationException($"PostgreSQL tests need {PostgresVariable}, e.g. 'Host=127.0.0.1;Username=postgres;Password=postgres'.");
        var name = $"vg_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"CREATE DATABASE {name}");
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ToString(), new PostgresDatabase(builder.ToString()), null, name);
    }

    /// <summary>A new database brought to the newest schema.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(string provider)
    {
        var database = await CreateAsync(provider);
        await database.Migrator().UpgradeAsync(CancellationToken.None);
        return database;
    }

    /// <summary>
    /// Waits until every committed event is readable. On PostgreSQL the log hands out an id
    /// only once no older transaction is still running anywhere on the server, and tests
    /// of other databases run alongside.
    /// </summary>
    public async Task<long> SettledEventIdAsync()
    {
        var events = new EventStore(Database);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var written = await Database.ReadAsync(c => c.ExecuteScalarAsync<long>($"SELECT COALESCE(MAX({Database.EventPositionColumn}), 0) FROM events"), CancellationToken.None);
            var settled = await events.LatestIdAsync(CancellationToken.None);
            if (settled >= written) return settled;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Events up to {written} did not settle (settled: {settled}).");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Per device lane, how many jobs are on the device right now (the lane invariant says at most one):
    /// a lane's next job and one storing its output do not count, they send nothing to the device.
    /// </summary>
    public async Task<IReadOnlyList<(string Device, int Lane, int OnDevice)>> JobsOnEachDeviceLaneAsync(CancellationToken ct = default) =>
        (await Database.ReadAsync(c => c.QueryAsync<(string, int, int)>(new CommandDefinition(
            "SELECT device, lane, CAST(COUNT(*) AS integer) FROM jobs WHERE status = 1 AND lane_stage = 0 GROUP BY device, lane",
            cancellationToken: ct)), ct)).ToArray();

    /// <summary>The most jobs on the device of any one lane right now (see <see cref="JobsOnEachDeviceLaneAsync"/>).</summary>
    public async Task<int> MostOnOneDeviceLaneAsync() => (await JobsOnEachDeviceLaneAsync()).Select(l => l.OnDevice).DefaultIfEmpty(0).Max();

    public SchemaMigrator Migrator() => new(Database, NullLogger<SchemaMigrator>.Instance);

    public async ValueTask DisposeAsync()
    {
        if (Database is PostgresDatabase postgres)
        {
            await postgres.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { /* a file still open by a pooled connection: the temp folder is cleaned later */ }
        }
    }
}
