using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Events;

namespace VideoGen.Grains.Storage;

/// <summary>
/// One database engine behind the store: how to open a connection, how to start a write
/// transaction, and the few places where SQLite and PostgreSQL speak differently.
/// </summary>
public abstract class Database
{
    protected Database() => DapperSetup.EnsureConfigured();

    private readonly ConditionalWeakTable<DbTransaction, List<PendingEvent>> _pending = new();

    /// <summary>Where the events of each commit go once they are durable (the project's stream); nowhere by default.</summary>
    public IEventPublisher Publisher { get; init; } = IEventPublisher.None;

    /// <summary>
    /// Writes the events the transaction gathered (numbered per project), commits, and publishes
    /// the events. The events are written last so the
    /// lock on a project's event numbering is the last lock the transaction takes: it never waits
    /// for another lock while it holds the numbering of a project.
    /// </summary>
    public async Task CommitAsync(DbTransaction transaction, CancellationToken ct)
    {
        IReadOnlyList<StoredEvent> written = [];
        if (_pending.TryGetValue(transaction, out var pending))
        {
            _pending.Remove(transaction);
            written = await EventStore.WriteAsync(this, transaction, pending, ct);
        }
        await transaction.CommitAsync(ct);
        if (written.Count > 0) await Publisher.PublishAsync(written);
    }

    /// <summary>Keeps <paramref name="events"/> to be written when <paramref name="transaction"/> commits through <see cref="CommitAsync"/>.</summary>
    internal void Stage(DbTransaction transaction, IReadOnlyList<DomainEvent> events, DateTimeOffset now)
    {
        var pending = _pending.GetValue(transaction, static _ => []);
        foreach (var e in events) pending.Add(new PendingEvent(e, now));
    }

    public abstract StoreProvider Provider { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Opens a connection synchronously, for framework callbacks that have no async form.</summary>
    public abstract DbConnection Open();

    /// <summary>A transaction that will write: on SQLite it takes the write lock up front so it cannot deadlock on upgrade.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    /// <summary>The folder of embedded versioned SQL scripts for this engine.</summary>
    internal abstract string MigrationFolder { get; }

    /// <summary>Serializes schema upgrades between processes starting at the same time.</summary>
    internal abstract Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct);

    /// <summary>
    /// Extra condition on <c>events</c> so a reader only sees positions that can no longer be
    /// overtaken by a transaction still in flight.
    /// </summary>
    internal abstract string SettledEventsCondition { get; }

    /// <summary>
    /// The column readers follow the event log by: one that grows in the order events become
    /// readable, which is the id where one writer commits at a time.
    /// </summary>
    internal abstract string EventPositionColumn { get; }

    /// <summary>
    /// Makes writers of <paramref name="table"/> take turns until the transaction ends, so a
    /// decision read from the whole table (such as "is this the first account?") still holds at
    /// commit. Readers are not blocked. SQLite's write lock already does this.
    /// </summary>
    internal abstract Task LockTableAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken ct);

    /// <summary>Appended to a SELECT inside a write transaction to hold the rows until commit (SQLite's write lock already does).</summary>
    internal abstract string RowLockClause { get; }

    /// <summary>Appended to a queue SELECT so concurrent claimers pass over each other's rows instead of waiting.</summary>
    internal abstract string SkipLockedClause { get; }

    /// <summary>SQL that is true when <paramref name="column"/> equals <paramref name="parameter"/>, nulls included.</summary>
    internal abstract string NullSafeEquals(string column, string parameter);

    /// <summary>
    /// The statement that bounds how long the rest of a transaction waits for a lock, so a process
    /// frozen while holding rows cannot stall the cluster's claims and rescues; null where writers
    /// take turns on one file lock instead (SQLite).
    /// </summary>
    internal virtual string? BoundLockWaitsStatement => null;

    /// <summary>Whether <paramref name="error"/> is a lock wait that ran past <see cref="BoundLockWaitsStatement"/>'s bound.</summary>
    internal virtual bool IsLockTimeout(Exception error) => false;

    /// <summary>Bounds the lock waits of the rest of <paramref name="transaction"/> (<see cref="BoundLockWaitsStatement"/>).</summary>
    internal Task BoundLockWaitsAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        BoundLockWaitsStatement is { } bound
            ? connection.ExecuteAsync(new CommandDefinition(bound, transaction: transaction, cancellationToken: ct))
            : Task.CompletedTask;

    /// <summary>Whether <paramref name="error"/> is a unique-constraint violation (such as a second running job on one lane).</summary>
    internal abstract bool IsUniqueViolation(Exception error);

    /// <summary>Runs <paramref name="work"/> in one write transaction and commits it.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await BeginWriteAsync(connection, ct);
        var result = await work(connection, transaction);
        await CommitAsync(transaction, ct);
        return result;
    }

    /// <summary>Runs <paramref name="work"/> on an open connection without a transaction.</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await work(connection);
    }
}
