using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using VideoGen.TestSupport;
using VideoGen.Web.Extensions;

namespace VideoGen.Web.Tests.Accounts;

/// <summary>
/// Sweeps every endpoint the app maps, so a route added later is checked without anyone
/// remembering to add it here: anonymous requests are refused, and ids of another account
/// answer 404 and change nothing.
/// </summary>
public sealed class RouteTableTests
{
    /// <summary>The only routes open to anonymous requests (static files are served before routing and are open too).</summary>
    private static readonly HashSet<string> Anonymous =
    [
        "Account/Login", "Account/Register", "Error", "alive", "health",
        "api/v1/auth/register", "api/v1/auth/login", "api/v1/auth/refresh", "api/v1/auth/confirmEmail",
        "api/v1/auth/resendConfirmationEmail", "api/v1/auth/forgotPassword", "api/v1/auth/resetPassword",
    ];

    [Fact]
    public async Task AnonymousRequest_ToEveryMappedRoute_RedirectsToLoginOrAnswers401UnlessAllowListed()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var client = factory.Browser();
        var routes = Routes(factory);
        Assert.Contains(routes, r => r.Pattern == "Profile");
        Assert.Contains(routes, r => r.Pattern == "api/v1/devices");

        var problems = new StringBuilder();
        foreach (var route in routes)
        {
            var open = route.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (open != Anonymous.Contains(route.Pattern))
                problems.AppendLine($"{route.Pattern}: allows anonymous = {open}, allow-list says {Anonymous.Contains(route.Pattern)}");
            if (Anonymous.Contains(route.Pattern)) continue;
            foreach (var method in route.Methods)
            {
                var path = route.Path(_ => Guid.NewGuid().ToString());
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonBody() };
                using var response = await client.SendAsync(request);
                var refused = route.IsApi
                    ? response.StatusCode == HttpStatusCode.Unauthorized
                    : response.StatusCode == HttpStatusCode.Redirect &&
                      response.Headers.Location?.PathAndQuery == $"{AccountsExtensions.LoginPath}?ReturnUrl={Uri.EscapeDataString(path)}";
                if (!refused) problems.AppendLine($"{method} {path}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(problems.Length == 0, problems.ToString());
    }

    [Fact]
    public async Task AnonymousApiRequest_GetsProblemDetailsNotARedirect()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);

        using var response = await factory.Browser().GetAsync("/api/v1/devices");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RouteWithIds_OfAnotherAccount_AnswersNotFoundAndChangesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var factory = new StudioFactory(db);
        await factory.SignedInAsync("alice@example.test");
        var bob = await factory.SignedInAsync("bob@example.test");
        var bobToken = (await factory.Browser().LoginTokensAsync("bob@example.test")).GetProperty("accessToken").GetString()!;
        var antiforgery = AccountClient.AntiforgeryToken(await bob.GetStringAsync("/Profile"));
        var alices = await OwnedIds.CreateAsync(db, await db.UserIdAsync("alice@example.test"));

        var routes = Routes(factory).Where(r => r.Parameters.Count > 0).ToArray();
        var problems = new StringBuilder();
        foreach (var route in routes)
        {
            foreach (var method in route.Methods)
            {
                var before = await StoreSnapshot.TakeAsync(db.Database);
                var path = route.Path(alices.ValueFor);
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonBody() };
                if (route.IsApi) request.WithBearer(bobToken);
                else request.Headers.Add(WebUiExtensions.AntiforgeryHeader, antiforgery);
                using var response = await bob.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.NotFound) problems.AppendLine($"{method} {path}: {(int)response.StatusCode}");
                if (await StoreSnapshot.TakeAsync(db.Database) != before) problems.AppendLine($"{method} {path} changed the store");
            }
        }
        Assert.True(problems.Length == 0, problems.ToString());
    }

    private static StringContent JsonBody() => new("{}", Encoding.UTF8, "application/json");

    private static IReadOnlyList<MappedRoute> Routes(StudioFactory factory) => MappedRoute.All(factory);
}
