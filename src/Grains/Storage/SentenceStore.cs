using System.Data.Common;
using Dapper;
using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>Sentences on the store's database, saved with optimistic concurrency on <c>version</c>.</summary>
public sealed class SentenceStore(Database database, TimeProvider clock) : ISentenceStore
{
    private const int MaxAttempts = 20;

    public Task<Sentence?> GetAsync(Guid id, CancellationToken ct) =>
        database.ReadAsync(connection => LoadAsync(connection, null, id, lockClause: "", ct), ct);

    public async Task<Sentence?> UpdateAsync(Guid id, Action<Sentence> edit, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            await using var connection = await database.OpenAsync(ct);
            await using var transaction = await database.BeginWriteAsync(connection, ct);
            // The row lock (PostgreSQL) or write lock (SQLite) makes concurrent editors take turns;
            // the version check in SaveAsync still guards writers that loaded outside this transaction.
            var sentence = await LoadAsync(connection, transaction, id, database.RowLockClause, ct);
            if (sentence is null) return null;
            edit(sentence);
            if (sentence.PendingEvents.Count == 0) return sentence;
            if (!await SaveAsync(database, connection, transaction, sentence, clock.GetUtcNow(), ct))
            {
                await transaction.RollbackAsync(ct);
                continue;
            }
            await database.CommitAsync(transaction, ct);
            return Sentence.FromState(sentence.ToState() with { Version = sentence.Version + 1 });
        }
        throw new StoreConflictException($"Sentence {id} kept changing under {MaxAttempts} attempts to save it; try again.");
    }

    internal static async Task<Sentence?> LoadAsync(DbConnection connection, DbTransaction? transaction, Guid id, string lockClause, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<SentenceRow>(new CommandDefinition(
            $"SELECT {SentenceRow.Columns} FROM sentences WHERE id = @id{lockClause}", new { id }, transaction, cancellationToken: ct));
        return row is null ? null : Sentence.FromState(row.ToState());
    }

    /// <summary>
    /// Writes the sentence if nobody saved it since it was loaded, with its events (unless
    /// <paramref name="withEvents"/> is false: then the caller appends them, together with its
    /// own, in one statement). False when another writer got there first (nothing written).
    /// </summary>
    internal static async Task<bool> SaveAsync(Database database, DbConnection connection, DbTransaction transaction, Sentence sentence, DateTimeOffset now, CancellationToken ct,
        bool withEvents = true)
    {
        var row = SentenceRow.From(sentence.ToState(), sentence.Version);
        var updated = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE sentences SET
                text = @Text, image_prompt = @ImagePrompt, video_prompt = @VideoPrompt,
                camera_movement = @CameraMovement, motion_strength = @MotionStrength, seed = @Seed,
                image_file = @ImageFile, video_file = @VideoFile, audio_file = @AudioFile, audio_duration = @AudioDuration,
                is_image_dirty = @IsImageDirty, is_video_dirty = @IsVideoDirty, is_audio_dirty = @IsAudioDirty,
                video_stale_reasons = @VideoStaleReasons,
                image_take_id = @ImageTakeId, video_take_id = @VideoTakeId, audio_take_id = @AudioTakeId, image_seed = @ImageSeed,
                image_status = @ImageStatus, video_status = @VideoStatus, audio_status = @AudioStatus,
                last_error = @LastError, updated_at = @UpdatedAt, version = version + 1
            WHERE id = @Id AND version = @Version
            """, row, transaction, cancellationToken: ct));
        if (updated == 0) return false;
        if (withEvents) EventStore.Stage(database, transaction, sentence.TakeEvents(), now);
        return true;
    }
}
