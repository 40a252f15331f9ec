using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests;

/// <summary>
/// A test database with the web app on it, Alice signed in through the pages, and one project of
/// hers whose scenes have an image, a clip and narration (unless asked otherwise).
/// </summary>
public sealed class CreatorStudio : IAsyncDisposable
{
    private CreatorStudio(TestDatabase db, StudioFactory factory, HttpClient alice, Guid owner, Project project)
    {
        Db = db;
        Factory = factory;
        Alice = alice;
        Owner = owner;
        Project = project;
    }

    public const string Email = "alice@example.test";

    public TestDatabase Db { get; }
    public StudioFactory Factory { get; }
    public HttpClient Alice { get; }
    public Guid Owner { get; }
    public Project Project { get; }

    public static async Task<CreatorStudio> StartAsync(string provider = "sqlite", string name = "Tides", string script = "The tide rolls in.", bool complete = true)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var factory = new StudioFactory(db);
        var alice = await factory.SignedInAsync(Email);
        var owner = await db.UserIdAsync(Email);
        var project = await db.ImportAsync(owner, name, script);
        if (complete) await db.GiveAssetsAsync(project);
        return new CreatorStudio(db, factory, alice, owner, project);
    }

    /// <summary>Runs an export of the project through the queue (see <see cref="ExportData.RunExportAsync"/>).</summary>
    public Task<ExportView> ExportAsync(bool succeed = true, byte[]? video = null) =>
        Db.RunExportAsync(Factory.MediaRoot, Project.Id, Owner, succeed, video);

    public async ValueTask DisposeAsync()
    {
        Alice.Dispose();
        await Factory.DisposeAsync();
        await Db.DisposeAsync();
    }
}
