using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>Loads and saves sentences; every change goes through the entity's own methods.</summary>
public interface ISentenceStore
{
    Task<Sentence?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Loads the sentence, lets <paramref name="edit"/> change it through its methods, and
    /// saves it with the events it raised in one transaction. A concurrent writer never
    /// loses an update: on a conflict the sentence is loaded again and the edit re-applied,
    /// so <paramref name="edit"/> may run more than once. Null when the sentence does not exist.
    /// </summary>
    Task<Sentence?> UpdateAsync(Guid id, Action<Sentence> edit, CancellationToken ct);
}
