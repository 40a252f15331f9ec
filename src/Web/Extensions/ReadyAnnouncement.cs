using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Extensions;

/// <summary>
/// The last thing a starting studio says: where to open it, and, while no account exists, that
/// the first account registered becomes the operator. Whoever ran <c>./videogen start</c> reads it
/// as the closing line, after the store's upgrade and the silo's start.
/// </summary>
public static partial class ReadyAnnouncement
{
    /// <summary>Logs the announcement once the server listens.</summary>
    public static WebApplication AnnounceWhenReady(this WebApplication app)
    {
        // Registered before the host starts, so it runs after the host's own "Application started"
        // lines: a cancellation token runs its callbacks last-registered first.
        app.Lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync(app));
        return app;
    }

    /// <summary>The address a person opens for one the server listens on: a wildcard host reads as localhost.</summary>
    public static string Openable(string address) =>
        WildcardHost().Replace(address, "://localhost");

    private static async Task AnnounceAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("VideoGen.Web.Ready");
        var url = Openable(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000");
        try
        {
            if (await app.Services.GetRequiredService<IAccountStore>().HasAccountsAsync(app.Lifetime.ApplicationStopping))
                logger.LogInformation("VideoGen Studio is ready: open {Url}", url);
            else
                logger.LogInformation("VideoGen Studio is ready: open {Url} and register; the first account registered becomes the operator", url);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "VideoGen Studio listens on {Url}, but its store did not say whether any account exists", url);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"://(\+|\*|0\.0\.0\.0|\[::\])(?=[:/]|$)")]
    private static partial System.Text.RegularExpressions.Regex WildcardHost();
}
