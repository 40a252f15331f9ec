using System.Security.Claims;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Accounts;

/// <summary>The one ownership check of the studio, used by the endpoint filter of the API and the page filter.</summary>
public sealed class OwnershipCheck(IOwnershipStore store)
{
    /// <summary>
    /// The first of <paramref name="values"/> that is not <paramref name="user"/>'s (unknown or
    /// someone else's, which the caller must not tell apart), or null when every one is theirs.
    /// A value that is not an id is not theirs either.
    /// </summary>
    public async Task<(OwnedRouteValue Value, string Id)?> FirstNotOwnedAsync(
        IEnumerable<(OwnedRouteValue Value, object? Id)> values, ClaimsPrincipal user, CancellationToken ct)
    {
        foreach (var (value, raw) in values)
        {
            var id = raw switch
            {
                Guid guid => guid,
                string text when Guid.TryParse(text, out var parsed) => parsed,
                _ => (Guid?)null,
            };
            if (id is null || await store.ProjectOfAsync(value.Kind, id.Value, user.GetUserId(), ct) is null)
                return (value, raw?.ToString() ?? "");
        }
        return null;
    }
}
