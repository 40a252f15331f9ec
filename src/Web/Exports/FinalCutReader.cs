using Microsoft.Extensions.Options;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Export;

namespace VideoGen.Web.Exports;

/// <summary>
/// Builds the final-cut panel of a project. A page that shows a project (the storyboard) calls
/// <see cref="ReadAsync"/> after checking the project is the viewer's, and renders
/// <c>&lt;partial name="_FinalCut" model="…" /&gt;</c>.
/// </summary>
public sealed class FinalCutReader(ExportReader exports, IOptions<ExportOptions> options)
{
    /// <summary>The frame rate an export has unless the creator picks another.</summary>
    public int DefaultFramesPerSecond => options.Value.FramesPerSecond;

    public async Task<FinalCutModel> ReadAsync(Guid projectId, CancellationToken ct)
    {
        var (latest, outOfDate) = await exports.FinalCutOfProjectAsync(projectId, ct);
        return new(projectId, latest, outOfDate, DefaultFramesPerSecond);
    }
}
