using Microsoft.Extensions.Options;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Export;

namespace VideoGen.Web.Exports;

/// <summary>
/// Builds the final-cut panel of a project. A page that shows a project (the storyboard) calls
/// <see cref="ReadAsync(Project, CancellationToken)"/> after checking the project is the viewer's,
/// and renders <c>&lt;partial name="_FinalCut" model="…" /&gt;</c>.
/// </summary>
public sealed class FinalCutReader(ExportReader exports, IProjectStore projects, IOptions<ExportOptions> options)
{
    /// <summary>The frame rate an export has unless the creator picks another.</summary>
    public int DefaultFramesPerSecond => options.Value.FramesPerSecond;

    /// <summary>The panel of <paramref name="project"/>, already read with its scenes.</summary>
    public async Task<FinalCutModel> ReadAsync(Project project, CancellationToken ct)
    {
        var (latest, outOfDate) = await exports.FinalCutOfProjectAsync(project.Id, ct);
        return new(project.Id, latest, outOfDate, DefaultFramesPerSecond) { Unready = ExportRules.Unready(project.Sentences.ToArray()) };
    }

    /// <summary>The panel of the project, read with its scenes; null when it is not <paramref name="ownerId"/>'s.</summary>
    public async Task<FinalCutModel?> ReadAsync(Guid projectId, Guid ownerId, CancellationToken ct) =>
        await projects.GetAsync(projectId, ownerId, ct) is { } project ? await ReadAsync(project, ct) : null;
}
