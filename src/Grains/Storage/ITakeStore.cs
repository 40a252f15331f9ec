using VideoGen.Grains.Commands;
using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>A scene's takes: listed for pages and the API; changed (by the scene's grain) with the scene in one transaction.</summary>
public interface ITakeStore
{
    /// <summary>The scene's takes of every kind, newest first.</summary>
    Task<IReadOnlyList<Take>> ListAsync(Guid sentenceId, CancellationToken ct);

    /// <summary>Makes a take of the scene its active one of its kind; the scene's flags follow (see <see cref="Sentence.ActivateTake"/>).</summary>
    Task<TakeResult> ActivateAsync(Guid sentenceId, Guid takeId, CancellationToken ct);

    /// <summary>"Use this seed": puts the take's seed and prompt back into the scene's settings.</summary>
    Task<TakeResult> ReuseAsync(Guid sentenceId, Guid takeId, CancellationToken ct);

    /// <summary>Deletes a take that is not active; its file is the caller's to delete once this returns.</summary>
    Task<TakeResult> DeleteAsync(Guid sentenceId, Guid takeId, CancellationToken ct);
}
