using VideoGen.Grains.Jobs;
using VideoGen.Silo.Lanes;

namespace VideoGen.Web.Exports;

/// <summary>Deletes an export of its owner: its job is cancelled, its row removed, then its files.</summary>
public sealed class ExportDeletion(ExportScheduler exports, MediaFiles media)
{
    /// <summary>False when the export does not exist or is not <paramref name="ownerId"/>'s.</summary>
    public async Task<bool> DeleteAsync(Guid exportId, Guid ownerId, CancellationToken ct)
    {
        if (await exports.DeleteAsync(exportId, ownerId, ct) is not { } files) return false;
        foreach (var file in files) media.Delete(file);
        return true;
    }
}
