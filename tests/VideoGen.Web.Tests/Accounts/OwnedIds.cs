using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;

namespace VideoGen.Web.Tests.Accounts;

/// <summary>
/// One of everything an account owns, and how a route parameter names it. A route whose
/// parameter is not known here fails the ownership sweep until a row is added below.
/// </summary>
public sealed record OwnedIds(Guid Project, Guid Sentence, Guid Job, string Media, Guid Export, Guid Take)
{
    public static async Task<OwnedIds> CreateAsync(TestDatabase db, Guid owner)
    {
        var project = await db.ImportAsync(owner, "Owned");
        var sentence = project.Sentences.First();
        var job = await db.RunImageJobAsync(sentence.Id, "gpu-owned", DeviceKind.ComfyUi, TimeSpan.FromSeconds(1));
        await db.GiveAssetsAsync(project);
        var export = await db.StartExportAsync(project.Id, owner);
        var image = (await new SentenceStore(db.Database, TimeProvider.System).GetAsync(sentence.Id, CancellationToken.None))!.ImageFile!;
        // The image job left a take; the assets given after it replaced it as the scene's image, so it is not the active one.
        var take = (await new TakeStore(db.Database, TimeProvider.System).ListAsync(sentence.Id, CancellationToken.None)).Single();
        return new OwnedIds(project.Id, sentence.Id, job.Id, image, export.ExportId, take.Id);
    }

    public string ValueFor(RouteParameter parameter) => (parameter.Name.ToLowerInvariant(), parameter.After?.ToLowerInvariant()) switch
    {
        ("projectid", _) or ("id", "projects") => Project.ToString(),
        ("sentenceid", _) or ("id", "sentences") => Sentence.ToString(),
        ("jobid", _) or ("id", "jobs") => Job.ToString(),
        ("exportid", _) or ("id", "exports") => Export.ToString(),
        ("takeid", _) or ("id", "takes") => Take.ToString(),
        ("file" or "path", _) => Media,
        _ => throw new InvalidOperationException(
            $"Route parameter {{{parameter.Name}}} after '{parameter.After}' is not known to the ownership sweep: add how to find another account's value in {nameof(OwnedIds)}."),
    };
}
