using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace VideoGen.Grains.Storage;

/// <summary>One versioned SQL script of the schema.</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Brings the database to the newest schema at start. Scripts are numbered SQL files per
/// engine, embedded in this assembly; each runs once, in its own transaction, recorded in
/// <c>schema_version</c>. Several processes may start at once: the upgrade is serialized.
/// </summary>
public sealed class SchemaMigrator(Database database, ILogger<SchemaMigrator> logger)
{
    private const string VersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)";

    /// <summary>The scripts for this engine, oldest first.</summary>
    public IReadOnlyList<Migration> Migrations { get; } = Load(database.MigrationFolder);

    public int LatestVersion => Migrations[^1].Version;

    /// <summary>Applies every script newer than the database, up to <paramref name="targetVersion"/> (default: all).</summary>
    public async Task<int> UpgradeAsync(CancellationToken ct, int? targetVersion = null)
    {
        await using var connection = await database.OpenAsync(ct);
        if (database.Provider == StoreProvider.Sqlite)
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL", cancellationToken: ct));

        var applied = await AppliedVersionsAsync(connection, ct);
        // Every missing script runs, not only those above the highest applied: branches add
        // scripts out of order, so a database can be at 5 before script 4 arrives.
        foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version) && m.Version <= (targetVersion ?? int.MaxValue)))
        {
            await using var transaction = await LockedAsync(connection, ct);
            if (await IsAppliedAsync(connection, transaction, migration.Version, ct)) continue;
            logger.LogInformation("Upgrading the {Provider} schema to version {To} ({Name})",
                database.Provider, migration.Version, migration.Name);
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = UnixTime.ToMs(DateTimeOffset.UtcNow) }, transaction, cancellationToken: ct));
            await transaction.CommitAsync(ct);
        }
        return await CurrentVersionAsync(connection, ct);
    }

    /// <summary>The version the database is at (0 for an empty database).</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await CurrentVersionAsync(connection, ct);
    }

    private async Task<int> CurrentVersionAsync(DbConnection connection, CancellationToken ct)
    {
        await using var transaction = await LockedAsync(connection, ct);
        var version = await ReadVersionAsync(connection, transaction, ct);
        await transaction.CommitAsync(ct);
        return version;
    }

    /// <summary>
    /// A transaction holding the schema lock, with the version table in place. Creating the
    /// table under the lock matters: PostgreSQL's CREATE TABLE IF NOT EXISTS races with itself.
    /// </summary>
    private async Task<DbTransaction> LockedAsync(DbConnection connection, CancellationToken ct)
    {
        var transaction = await database.BeginWriteAsync(connection, ct);
        await database.LockSchemaAsync(connection, transaction, ct);
        await connection.ExecuteAsync(new CommandDefinition(VersionTable, transaction: transaction, cancellationToken: ct));
        return transaction;
    }

    private async Task<HashSet<int>> AppliedVersionsAsync(DbConnection connection, CancellationToken ct)
    {
        await using var transaction = await LockedAsync(connection, ct);
        var versions = await connection.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_version", transaction: transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return versions.ToHashSet();
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM schema_version WHERE version = @version", new { version }, transaction, cancellationToken: ct)) > 0;

    private static Task<int> ReadVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction: transaction, cancellationToken: ct));

    private static IReadOnlyList<Migration> Load(string folder)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{typeof(SchemaMigrator).Namespace}.Migrations.{folder}.";
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(resource =>
            {
                var name = resource[prefix.Length..^".sql".Length];
                var digits = new string(name.TakeWhile(char.IsDigit).ToArray());
                if (digits.Length == 0) throw new InvalidOperationException($"Migration {resource} does not start with its version number.");
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream);
                return new Migration(int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), name, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToArray();
        if (migrations.Length == 0) throw new InvalidOperationException($"No migrations are embedded for {folder}.");
        if (migrations.Select(m => m.Version).Distinct().Count() != migrations.Length)
            throw new InvalidOperationException($"Two {folder} migrations share a version number.");
        return migrations;
    }
}
