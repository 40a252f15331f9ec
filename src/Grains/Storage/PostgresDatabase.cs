using System.Data.Common;
using Dapper;
using Npgsql;

namespace VideoGen.Grains.Storage;

/// <summary>The production and multi-node store: PostgreSQL through one shared Npgsql data source.</summary>
public sealed class PostgresDatabase : Database, IAsyncDisposable
{
    /// <summary>Advisory lock key held while the schema is upgraded ("VGSCHEMA").</summary>
    private const long SchemaLockKey = 0x5647534348454D41;

    public PostgresDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public override StoreProvider Provider => StoreProvider.Postgres;

    internal override string MigrationFolder => "postgres";

    internal override string SettledEventsCondition => " AND tx < pg_snapshot_xmin(pg_current_snapshot())";

    internal override string RowLockClause => " FOR UPDATE";

    public override async Task<DbConnection> OpenAsync(CancellationToken ct) => await DataSource.OpenConnectionAsync(ct);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(ct);

    internal override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = SchemaLockKey }, transaction, cancellationToken: ct));

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
