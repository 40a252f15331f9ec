using VideoGen.Grains.Domain;

namespace VideoGen.Web.Api;

/// <summary>Problem details for refused requests: 400 with errors per field, 404, 409 or 413.</summary>
public static class ApiResults
{
    public static IResult Refused(IReadOnlyList<ValidationError> errors)
    {
        var detail = string.Join(" ", errors.Select(e => e.Message));
        var status = StatusOf(errors);
        return status switch
        {
            StatusCodes.Status404NotFound => TypedResults.Problem(detail, statusCode: status, title: "Not found"),
            StatusCodes.Status409Conflict => TypedResults.Problem(detail, statusCode: status, title: "Not possible now"),
            StatusCodes.Status413PayloadTooLarge => TypedResults.Problem(detail, statusCode: status, title: "Too large"),
            _ => TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                detail: detail, title: "The request has invalid values"),
        };
    }

    /// <summary>The status a refusal answers with, for the API and the pages alike: the gravest kind of error decides.</summary>
    public static int StatusOf(IReadOnlyList<ValidationError> errors) => errors.Max(e => e.Kind) switch
    {
        ValidationErrorKind.NotFound => StatusCodes.Status404NotFound,
        ValidationErrorKind.Conflict => StatusCodes.Status409Conflict,
        ValidationErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult Invalid(string field, string message) => Refused([new ValidationError(field, message)]);
}
