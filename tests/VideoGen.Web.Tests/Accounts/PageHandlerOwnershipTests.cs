using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VideoGen.TestSupport;
using VideoGen.Web.Extensions;

namespace VideoGen.Web.Tests.Accounts;

/// <summary>
/// The route sweep asks each page without a handler; this asks every named handler of every page
/// with ids (<c>?handler=FinalCut</c>, <c>?handler=Card&amp;sentenceId=…</c>) with another account's
/// ids, which only the ownership page filter answers for some handlers.
/// </summary>
public sealed partial class PageHandlerOwnershipTests
{
    [Fact]
    public async Task PageHandler_WithIdsOfAnotherAccount_AnswersNotFoundAndChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        await factory.SignedInAsync("alice@example.test");
        var bob = await factory.SignedInAsync("bob@example.test");
        var antiforgery = AccountClient.AntiforgeryToken(await bob.GetStringAsync("/Profile"));
        var alices = await OwnedIds.CreateAsync(db, await db.UserIdAsync("alice@example.test"));

        var requests = MappedRoute.All(factory).Where(r => r.Parameters.Count > 0 && r.Endpoint.Metadata.OfType<PageActionDescriptor>().Any())
            .SelectMany(r => HandlersOf(r).Select(h => (Method: h.Method, Path: r.Path(alices.ValueFor) + h.Query(alices))))
            .ToArray();
        Assert.Contains(requests, r => r.Path.Contains("handler=FinalCut", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Path.Contains("handler=RegenerateImage&sentenceId=", StringComparison.Ordinal));

        var problems = new StringBuilder();
        foreach (var (method, path) in requests)
        {
            var before = await StoreSnapshot.TakeAsync(db.Database);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Add(WebUiExtensions.AntiforgeryHeader, antiforgery);
            using var response = await bob.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            if (response.StatusCode != HttpStatusCode.NotFound) problems.AppendLine($"{method} {path}: {(int)response.StatusCode}");
            if (await StoreSnapshot.TakeAsync(db.Database) != before) problems.AppendLine($"{method} {path} changed the store");
        }
        Assert.True(problems.Length == 0, problems.ToString());
    }

    /// <summary>The named handlers of the page model behind <paramref name="route"/> (found by the Razor Pages naming convention).</summary>
    private static IEnumerable<PageHandler> HandlersOf(MappedRoute route)
    {
        var page = route.Endpoint.Metadata.OfType<PageActionDescriptor>().Single();
        var model = typeof(Program).Assembly.GetType($"VideoGen.Web.Pages{page.ViewEnginePath.Replace('/', '.')}Model", throwOnError: true)!;
        return model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => (Method: m, Match: HandlerName().Match(m.Name)))
            .Where(h => h.Match.Success && h.Match.Groups["name"].Length > 0)
            .Select(h => new PageHandler(h.Match.Groups["verb"].Value.ToUpperInvariant(), h.Match.Groups["name"].Value,
                h.Method.GetParameters().Select(p => p.Name!).ToArray()));
    }

    [GeneratedRegex("^On(?<verb>Get|Post)(?<name>[A-Za-z]*?)(Async)?$")]
    private static partial Regex HandlerName();

    /// <summary>A named page handler: its verb, its name, and its parameters (ids among them are filled with another account's).</summary>
    private sealed record PageHandler(string Method, string Name, IReadOnlyList<string> Parameters)
    {
        public string Query(OwnedIds ids) => $"?handler={Name}" + string.Concat(Parameters
            .Where(p => p.EndsWith("Id", StringComparison.Ordinal))
            .Select(p => $"&{p}={ValueOf(ids, p)}"));

        /// <summary>Another account's id of that kind; a fresh id for kinds that belong to nobody in particular (a section).</summary>
        private static string ValueOf(OwnedIds ids, string parameter)
        {
            try
            {
                return ids.ValueFor(new RouteParameter(parameter, null));
            }
            catch (InvalidOperationException)
            {
                return Guid.NewGuid().ToString();
            }
        }
    }
}
