namespace VideoGen.Web.Accounts;

/// <summary>What a route answers for an id that is unknown or someone else's: the same 404 either way.</summary>
public static class OwnershipResults
{
    /// <summary>A 404 problem naming what was asked for; it never says whether the id exists.</summary>
    public static IResult NotFound(string what, object id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: $"There is no {what} {id} in your studio: check the id, or open the list to find it.");
}
