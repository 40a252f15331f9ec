using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using VideoGen.TestSupport;

namespace VideoGen.Web.Tests;

/// <summary>
/// The web app on a test database of its own, with a private media folder. Its in-process
/// silo is off unless a test turns it on (<c>Silo:Enabled</c>), so tests that drive the queue
/// by hand are not raced by the preview device.
/// </summary>
public sealed class StudioFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    private readonly string _media = Path.Combine(Path.GetTempPath(), "videogen-tests", Guid.NewGuid().ToString("N"), "media");

    public TestDatabase Database { get; } = database;

    /// <summary>The app's <c>Media:Root</c>.</summary>
    public string MediaRoot => _media;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Store:Provider", Database.Provider);
        builder.UseSetting("Store:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Media:Root", _media);
        builder.UseSetting("Silo:Enabled", "false");
        foreach (var (key, value) in ClusterPorts.Settings()) builder.UseSetting(key, value);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
    }
}
