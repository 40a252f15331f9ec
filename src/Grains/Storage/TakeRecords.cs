using System.Data.Common;
using Dapper;
using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>Reads and writes take rows inside a caller's transaction.</summary>
internal static class TakeRecords
{
    /// <summary>The scene's takes, newest first.</summary>
    public static async Task<IReadOnlyList<Take>> ListAsync(DbConnection connection, DbTransaction? transaction, Guid sentenceId, CancellationToken ct) =>
        (await connection.QueryAsync<TakeRow>(new CommandDefinition(
            $"SELECT {TakeRow.Columns} FROM takes WHERE sentence_id = @sentenceId ORDER BY created_at DESC, id DESC",
            new { sentenceId }, transaction, cancellationToken: ct))).Select(r => r.ToTake()).ToArray();

    /// <summary>
    /// Adds a finished job's take to its scene (whose active takes are already set) and prunes the
    /// scene's takes of that kind to <paramref name="keepPerAsset"/>, never the active one. Returns
    /// the files of the pruned takes: they may be deleted once this transaction commits.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AddAsync(
        DbConnection connection, DbTransaction transaction, Sentence sentence, Take take, int keepPerAsset, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO takes ({TakeRow.Columns}) VALUES ({TakeRow.Values})", TakeRow.From(take), transaction, cancellationToken: ct));
        var ofKind = (await ListAsync(connection, transaction, sentence.Id, ct)).Where(t => t.Kind == take.Kind);
        var pruned = TakeRules.Pruned(ofKind, sentence.ActiveTakeId(take.Kind), keepPerAsset);
        foreach (var old in pruned) await DeleteAsync(connection, transaction, old.Id, ct);
        return pruned.Select(t => t.File).ToArray();
    }

    public static Task DeleteAsync(DbConnection connection, DbTransaction transaction, Guid takeId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("DELETE FROM takes WHERE id = @takeId", new { takeId }, transaction, cancellationToken: ct));
}
