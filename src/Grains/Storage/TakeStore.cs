using System.Data.Common;
using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>Takes on the store's database; every change loads the scene locked, with its takes, and saves both in one transaction.</summary>
public sealed class TakeStore(Database database, TimeProvider clock) : ITakeStore
{
    public Task<IReadOnlyList<Take>> ListAsync(Guid sentenceId, CancellationToken ct) =>
        database.ReadAsync(connection => TakeRecords.ListAsync(connection, null, sentenceId, ct), ct);

    public Task<TakeResult> ActivateAsync(Guid sentenceId, Guid takeId, CancellationToken ct) =>
        ChangeAsync(sentenceId, takeId, (sentence, take, takes, now) =>
        {
            sentence.ActivateTake(take, Active(takes, sentence, AssetKind.Image), Active(takes, sentence, AssetKind.Video), now);
            return null;
        }, ct);

    public Task<TakeResult> ReuseAsync(Guid sentenceId, Guid takeId, CancellationToken ct) =>
        ChangeAsync(sentenceId, takeId, (sentence, take, takes, now) =>
        {
            sentence.ReuseTake(take, Active(takes, sentence, AssetKind.Image), Active(takes, sentence, AssetKind.Video), now);
            return null;
        }, ct);

    public Task<TakeResult> DeleteAsync(Guid sentenceId, Guid takeId, CancellationToken ct) =>
        ChangeAsync(sentenceId, takeId, (sentence, take, _, now) =>
        {
            if (TakeRules.DeleteRefusal(sentence, take) is { } refusal) return refusal;
            sentence.TakeDeleted(take, now);
            return null;
        }, ct, deleting: true);

    private static Take? Active(IReadOnlyList<Take> takes, Sentence sentence, AssetKind kind) =>
        sentence.ActiveTakeId(kind) is { } id ? takes.FirstOrDefault(t => t.Id == id) : null;

    private async Task<TakeResult> ChangeAsync(Guid sentenceId, Guid takeId,
        Func<Sentence, Take, IReadOnlyList<Take>, DateTimeOffset, ValidationError?> change, CancellationToken ct, bool deleting = false) =>
        await database.WriteAsync(async (connection, transaction) =>
        {
            var sentence = await SentenceStore.LoadAsync(connection, transaction, sentenceId, database.RowLockClause, ct);
            if (sentence is null)
                return TakeResult.Refused(new ValidationError("sentenceId", $"Sentence {sentenceId} does not exist.", ValidationErrorKind.NotFound));
            var takes = await TakeRecords.ListAsync(connection, transaction, sentenceId, ct);
            if (takes.FirstOrDefault(t => t.Id == takeId) is not { } take)
                return TakeResult.Refused(new ValidationError("takeId", $"Scene {sentenceId} has no take {takeId}.", ValidationErrorKind.NotFound));
            var now = clock.GetUtcNow();
            if (change(sentence, take, takes, now) is { } refusal) return TakeResult.Refused(refusal);
            if (deleting) await TakeRecords.DeleteAsync(connection, transaction, take.Id, ct);
            await SaveAsync(connection, transaction, sentence, now, ct);
            return deleting ? new TakeResult([], take.File) : TakeResult.Done;
        }, ct);

    private async Task SaveAsync(DbConnection connection, DbTransaction transaction, Sentence sentence, DateTimeOffset now, CancellationToken ct)
    {
        if (sentence.PendingEvents.Count == 0) return;
        // The row is locked (or the SQLite write lock held) since it was loaded, so its version cannot have moved.
        if (!await SentenceStore.SaveAsync(database, connection, transaction, sentence, now, ct))
            throw new StoreConflictException($"Sentence {sentence.Id} changed while locked.");
    }
}
