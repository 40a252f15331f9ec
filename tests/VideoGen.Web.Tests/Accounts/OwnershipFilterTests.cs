using Microsoft.AspNetCore.Routing.Patterns;
using VideoGen.Grains.Storage;
using VideoGen.TestSupport;
using VideoGen.Web.Accounts;

namespace VideoGen.Web.Tests.Accounts;

/// <summary>
/// The ownership check sits in front of every API route with ids. Some routes would still answer
/// 404 without it (their store calls name the owner), so the sweep alone cannot see it go missing.
/// </summary>
public sealed class OwnershipFilterTests
{
    [Fact]
    public async Task ApiRouteWithIds_EveryOne_IsBehindTheOwnershipFilterForEachOfItsIds()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        var routes = MappedRoute.All(factory).Where(r => r.IsApi && r.Parameters.Count > 0).ToArray();
        Assert.Contains(routes, r => r.Pattern == "api/v1/exports/{id:guid}");

        var unguarded = routes
            .Where(r => r.Endpoint.Metadata.GetMetadata<OwnershipMetadata>() is not { } checkedIds
                        || !r.Parameters.All(p => checkedIds.Owned.Any(o => o.Parameter == p.Name)))
            .Select(r => r.Pattern)
            .ToArray();

        Assert.Empty(unguarded);
    }

    [Theory]
    [InlineData("/api/v1/projects/{id:guid}", "id", OwnedKind.Project)]
    [InlineData("/api/v1/projects/{id:guid}/exports", "id", OwnedKind.Project)]
    [InlineData("/api/v1/sentences/{id:guid}/regenerate-image", "id", OwnedKind.Sentence)]
    [InlineData("/api/v1/jobs/{id:guid}/cancel", "id", OwnedKind.Job)]
    [InlineData("/Exports/{id:guid}", "id", OwnedKind.Export)]
    [InlineData("/Projects/{id:guid}/Export", "id", OwnedKind.Project)]
    [InlineData("/things/{sentenceId}", "sentenceId", OwnedKind.Sentence)]
    public void OwnedRouteValues_OfARoute_NameTheKindOfEachId(string route, string parameter, OwnedKind kind)
    {
        var owned = OwnedRouteValues.Of(RoutePatternFactory.Parse(route));

        Assert.Equal([new OwnedRouteValue(parameter, kind)], owned);
    }

    [Theory]
    [InlineData("/api/v1/devices")]
    [InlineData("/media/{**path}")]
    [InlineData("/Projects/New")]
    public void OwnedRouteValues_OfARouteWithoutIds_AreNone(string route) =>
        Assert.Empty(OwnedRouteValues.Of(RoutePatternFactory.Parse(route)));

    [Theory]
    [InlineData("/api/v1/devices/{id}")]
    [InlineData("/{id}")]
    public void OwnedRouteValues_IdAfterASegmentNamingNoOwnedKind_AreRefused(string route)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => OwnedRouteValues.Of(RoutePatternFactory.Parse(route)));

        Assert.Contains(route, refused.Message);
    }
}
