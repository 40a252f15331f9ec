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
    public async Task<FinalCutModel> ReadAsync(Guid projectId, CancellationToken ct) =>
        new(projectId, await exports.LatestOfProjectAsync(projectId, ct), await exports.IsOutOfDateAsync(projectId, ct), options.Value.FramesPerSecond);
}
