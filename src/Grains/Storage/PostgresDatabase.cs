using System.Data.Common;
using Dapper;
using Npgsql;

namespace VideoGen.Grains.Storage;

/// <summary>The production and multi-node store: PostgreSQL through one shared Npgsql data source.</summary>
public sealed class PostgresDatabase : Database, IAsyncDisposable
{
    /// <summary>Advisory lock key held while the schema is upgraded ("VGSCHEMA").</summary>
    private const long SchemaLockKey = 0x5647534348454D41;

    /// <summary>
    /// How long the server lets one of the store's sessions sit idle inside a transaction before it
    /// ends the session and releases its locks: well inside a job's lease, so a frozen process
    /// holds nothing past its lease. No transaction of the studio waits on anything but the database.
    /// </summary>
    public static readonly TimeSpan IdleTransactionLimit = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim or rescue waits for a row lock before it gives up for this round.</summary>
    public static readonly TimeSpan LockWaitLimit = TimeSpan.FromSeconds(2);

    public PostgresDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(WithIdleTransactionLimit(connectionString));
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public override StoreProvider Provider => StoreProvider.Postgres;

    internal override string MigrationFolder => "postgres";

    internal override string SettledEventsCondition => " AND tx < pg_snapshot_xmin(pg_current_snapshot())";

    internal override string EventPositionColumn => "pos";

    internal override string RowLockClause => " FOR UPDATE";

    internal override string SkipLockedClause => " FOR UPDATE SKIP LOCKED";

    internal override string NullSafeEquals(string column, string parameter) => $"{column} IS NOT DISTINCT FROM {parameter}";

    internal override string BoundLockWaitsStatement => $"SET LOCAL lock_timeout = {(int)LockWaitLimit.TotalMilliseconds}";

    internal override bool IsLockTimeout(Exception error) => error is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable };

    internal override bool IsUniqueViolation(Exception error) => error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override async Task<DbConnection> OpenAsync(CancellationToken ct) => await DataSource.OpenConnectionAsync(ct);

    public override DbConnection Open() => DataSource.OpenConnection();

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(ct);

    internal override async Task LockTableAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken ct) =>
        // SHARE ROW EXCLUSIVE conflicts with itself and with every write, not with plain reads.
        await connection.ExecuteAsync(new CommandDefinition($"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE", transaction: transaction, cancellationToken: ct));

    internal override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = SchemaLockKey }, transaction, cancellationToken: ct));

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    /// <summary>
    /// The connection string with <see cref="IdleTransactionLimit"/> as a session setting of every
    /// connection, unless the operator set <c>idle_in_transaction_session_timeout</c> there already.
    /// </summary>
    private static string WithIdleTransactionLimit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("idle_in_transaction_session_timeout", StringComparison.Ordinal) == true) return connectionString;
        builder.Options = $"{builder.Options} -c idle_in_transaction_session_timeout={(int)IdleTransactionLimit.TotalMilliseconds}".Trim();
        return builder.ToString();
    }
}
