using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace VideoGen.Grains.Storage;

/// <summary>The embedded single-machine store: one file, one writer at a time, readers alongside (WAL).</summary>
public sealed class SqliteDatabase : Database
{
    private readonly string _connectionString;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            // Writers queue behind each other for up to this long instead of failing with SQLITE_BUSY.
            DefaultTimeout = 30,
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        _connectionString = builder.ToString();
        FilePath = builder.DataSource;
    }

    public string FilePath { get; }

    public override StoreProvider Provider => StoreProvider.Sqlite;

    internal override string MigrationFolder => "sqlite";

    internal override string SettledEventsCondition => "";

    internal override string EventPositionColumn => "id";

    internal override string RowLockClause => "";

    internal override string SkipLockedClause => "";

    internal override string NullSafeEquals(string column, string parameter) => $"{column} IS {parameter}";

    internal override bool IsUniqueViolation(Exception error) =>
        error is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    public override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        // deferred: false → BEGIN IMMEDIATE, the write lock is taken at the start.
        await Task.FromResult(((SqliteConnection)connection).BeginTransaction(deferred: false));

    internal override Task LockTableAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken ct) =>
        Task.CompletedTask;

    internal override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        Task.CompletedTask;
}
