using VideoGen.Grains.Domain;

namespace VideoGen.Web.Api;

/// <summary>Problem details for refused requests: 400 with errors per field, 404, 409 or 413.</summary>
public static class ApiResults
{
    public static IResult Refused(IReadOnlyList<ValidationError> errors)
    {
        var kind = errors.Select(e => e.Kind).Max();
        var detail = string.Join(" ", errors.Select(e => e.Message));
        return kind switch
        {
            ValidationErrorKind.NotFound => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
            ValidationErrorKind.Conflict => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Not possible now"),
            ValidationErrorKind.TooLarge => TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large"),
            _ => TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                detail: detail, title: "The request has invalid values"),
        };
    }

    public static IResult Invalid(string field, string message) => Refused([new ValidationError(field, message)]);
}
