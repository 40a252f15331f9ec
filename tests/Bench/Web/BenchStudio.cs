using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VideoGen.TestSupport;

namespace VideoGen.Bench.Web;

/// <summary>
/// The web app on a fresh database of one engine, served by Kestrel on a loopback port (real
/// sockets, as a browser reaches it), without its in-process silo, and one creator signed in
/// twice: a browser with the login cookie for pages, and an API client with a bearer token.
/// </summary>
public sealed partial class BenchStudio : IAsyncDisposable
{
    private const string Email = "bench@example.test";
    private const string Password = "Tide-pool-42";

    private readonly Host _host;
    private readonly List<Host> _others = [];

    private BenchStudio(Host host, Uri address)
    {
        _host = host;
        Address = address;
    }

    /// <summary>The app's services (its store, queue and scheduler).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Where Kestrel listens.</summary>
    public Uri Address { get; }

    /// <summary>A browser signed in with the login cookie: one connection per request in flight, like tabs.</summary>
    public HttpClient Browser { get; private init; } = null!;

    /// <summary>An API client with the creator's bearer token.</summary>
    public HttpClient Api { get; private init; } = null!;

    /// <summary>Starts the app on a fresh <paramref name="engine"/> database and signs the creator in both ways.</summary>
    public static async Task<BenchStudio> StartAsync(string engine)
    {
        var host = new Host(await TestDatabase.CreateAsync(engine));
        host.UseKestrel(0);
        host.StartServer();
        var address = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var studio = new BenchStudio(host, address)
        {
            Browser = Client(address, new CookieContainer()),
            Api = Client(address, cookies: null),
        };
        await studio.SignInAsync();
        return studio;
    }

    /// <summary>Imports <paramref name="script"/> as a new project through the API; returns its id and its sentences' ids in order.</summary>
    public async Task<(Guid Id, IReadOnlyList<Guid> Sentences)> CreateProjectAsync(string script)
    {
        var response = await Api.PostAsJsonAsync("/api/v1/projects", new { name = "Bench", script });
        response.EnsureSuccessStatusCode();
        var project = await response.Content.ReadFromJsonAsync<JsonElement>();
        var sentences = project.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("sentences").EnumerateArray())
            .Select(s => s.GetProperty("id").GetGuid())
            .ToArray();
        return (project.GetProperty("id").GetGuid(), sentences);
    }

    /// <summary>
    /// Starts a second silo without devices in the same cluster, on the same database (PostgreSQL),
    /// with its own connections: what it commits reaches this node's
    /// pages only over the projects' streams. Stopped with the studio.
    /// </summary>
    public IServiceProvider StartSecondSilo()
    {
        var second = new Host(_host.Database);
        _others.Add(second);
        return second.Services;
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        Api.Dispose();
        foreach (var other in _others) await other.DisposeAsync();
        await _host.DisposeAsync();
        await _host.Database.DisposeAsync();
    }

    private async Task SignInAsync()
    {
        var registered = await Api.PostAsJsonAsync("/api/v1/auth/register", new { email = Email, password = Password });
        registered.EnsureSuccessStatusCode();
        var login = await Api.PostAsJsonAsync("/api/v1/auth/login", new { email = Email, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var form = await Browser.GetStringAsync("/Account/Login");
        var antiforgery = TokenField().Match(form) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The login page has no anti-forgery token.");
        var signedIn = await Browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Email, ["Input.Password"] = Password, ["__RequestVerificationToken"] = antiforgery,
        }));
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in through the login page answered {(int)signedIn.StatusCode}.");
    }

    private static HttpClient Client(Uri address, CookieContainer? cookies) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = cookies is not null, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(5),
        };

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>The app as production runs it, minus the silo (the figures drive the queue themselves) and information logs.</summary>
    private sealed class Host(TestDatabase database) : WebApplicationFactory<Program>
    {
        /// <summary>
        /// The web node's share of PostgreSQL's default 100 connections. Npgsql's own default
        /// (100) lets 100 live pages that all read at once take every connection the server has.
        /// </summary>
        private const int PostgresPool = 40;

        private readonly string _media = Path.Combine(Path.GetTempPath(), "videogen-bench", Guid.NewGuid().ToString("N"), "media");

        public TestDatabase Database { get; } = database;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Store:Provider", Database.Provider);
            builder.UseSetting("Store:ConnectionString", Database.Provider == "postgres" ? $"{Database.ConnectionString};Maximum Pool Size={PostgresPool}" : Database.ConnectionString);
            builder.UseSetting("Media:Root", _media);
            builder.UseSetting("Silo:Enabled", "false");
            foreach (var (key, value) in ClusterPorts.Settings()) builder.UseSetting(key, value);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            try { Directory.Delete(Path.GetDirectoryName(_media)!, recursive: true); }
            catch (IOException) { }
        }
    }
}
