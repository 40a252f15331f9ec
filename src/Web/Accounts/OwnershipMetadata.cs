namespace VideoGen.Web.Accounts;

/// <summary>Endpoint metadata: the endpoint's owned route values are checked by <see cref="OwnershipEndpointFilter"/>.</summary>
public sealed record OwnershipMetadata(IReadOnlyList<OwnedRouteValue> Owned);
