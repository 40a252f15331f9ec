using VideoGen.Grains.Storage;
using VideoGen.Silo.Lanes;
using VideoGen.Web.Commands;

namespace VideoGen.Web.Exports;

/// <summary>Deletes an export of its owner: its job is cancelled, its row removed, then its files.</summary>
public sealed class ExportDeletion(ExportReader exports, StudioGrains grains, MediaFiles media)
{
    /// <summary>False when the export does not exist or is not <paramref name="ownerId"/>'s.</summary>
    public async Task<bool> DeleteAsync(Guid exportId, Guid ownerId, CancellationToken ct)
    {
        if (await exports.GetAsync(exportId, ownerId, ct) is not { } export) return false;
        if (await grains.ProjectAsync(export.ProjectId, g => g.DeleteExport(ownerId, exportId), ct) is not { } files) return false;
        foreach (var file in files) media.Delete(file);
        return true;
    }
}
