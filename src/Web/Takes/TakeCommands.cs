using VideoGen.Grains.Commands;
using VideoGen.Silo.Lanes;
using VideoGen.Web.Commands;

namespace VideoGen.Web.Takes;

/// <summary>
/// What pages and the API do with a scene's takes, through the scene's grain. A deleted take's file
/// goes only once its row is gone, so nothing ever points at a missing file.
/// </summary>
public sealed class TakeCommands(StudioGrains grains, MediaFiles media)
{
    /// <summary>Makes the take the scene's active one of its kind.</summary>
    public Task<TakeResult> ActivateAsync(Guid sentenceId, Guid takeId, CancellationToken ct) =>
        grains.SceneAsync(sentenceId, g => g.ActivateTake(takeId), ct);

    /// <summary>"Use this seed": the take's seed and prompt back into the scene's settings.</summary>
    public Task<TakeResult> ReuseAsync(Guid sentenceId, Guid takeId, CancellationToken ct) =>
        grains.SceneAsync(sentenceId, g => g.ReuseTake(takeId), ct);

    /// <summary>Deletes a take that is not active: its row, then its file.</summary>
    public async Task<TakeResult> DeleteAsync(Guid sentenceId, Guid takeId, CancellationToken ct)
    {
        var result = await grains.SceneAsync(sentenceId, g => g.DeleteTake(takeId), ct);
        media.Delete(result.DeletedFile);
        return result;
    }

    /// <summary>Queues <paramref name="count"/> variations of the scene's image.</summary>
    public Task<JobsRequestResult> VariationsAsync(Guid sentenceId, int count, CancellationToken ct)
    {
        var request = Guid.NewGuid();
        return grains.SceneAsync(sentenceId, g => g.Variations(request, count), ct);
    }
}
