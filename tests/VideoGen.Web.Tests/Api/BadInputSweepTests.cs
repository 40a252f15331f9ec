using VideoGen.TestSupport;
using VideoGen.Web.Tests.Accounts;
using Xunit.Abstractions;

namespace VideoGen.Web.Tests.Api;

/// <summary>
/// B1 of the reliability plan: every <c>/api/v1</c> route, and <c>/media</c>, read from the app's own
/// route table and fed malformed, mistyped, oversized, unknown, foreign and path-tricking input,
/// answers only the right 4xx, and the store is the same afterwards.
/// </summary>
public sealed class BadInputSweepTests(ITestOutputHelper output)
{
    private const string Other = "other@example.test";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryApiRoute_FedBadInput_AnswersOnly4xxAndChangesNothing(string provider)
    {
        await using var session = await ApiSession.StartAsync(provider);
        await session.Factory.CreateClient().TokensAsync(Other);
        var mine = await OwnedIds.CreateAsync(session.Db, await session.Db.UserIdAsync(ApiSession.Email));
        var theirs = await OwnedIds.CreateAsync(session.Db, await session.Db.UserIdAsync(Other));
        var routes = MappedRoute.All(session.Factory).Where(r => r.IsApi || r.Pattern.StartsWith("media/", StringComparison.Ordinal)).ToArray();
        var sweep = new BadInputSweep(session.Client, mine, theirs);

        var before = await StoreSnapshot.TakeAsync(session.Db.Database);
        var breaches = new List<string>();
        foreach (var route in routes)
            foreach (var method in route.Methods)
                breaches.AddRange(await sweep.RunAsync(route, method));
        var after = await StoreSnapshot.TakeAsync(session.Db.Database);

        var swept = routes.SelectMany(r => r.Methods.Select(method => $"{method} {r.Pattern}")).ToHashSet();
        breaches.AddRange(BadInputTable.Routes.Where(k => !swept.Contains(k)).Select(k => $"{k}: a row for a route the app does not map"));
        if (after != before)
            breaches.Add("The store changed:\n  - " + string.Join("\n  - ", before.Split('\n').Except(after.Split('\n'))) +
                         "\n  + " + string.Join("\n  + ", after.Split('\n').Except(before.Split('\n'))));
        output.WriteLine($"{provider}: {sweep.Sent} bad requests to {routes.Length} routes, {breaches.Count} breaches");
        Assert.True(breaches.Count == 0, $"{breaches.Count} breaches in {sweep.Sent} requests to {routes.Length} routes:\n" + string.Join('\n', breaches));
    }
}
