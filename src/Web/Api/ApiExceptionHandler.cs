using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Api;

/// <summary>
/// Turns the exceptions that mean "the request was wrong" into problem details: unreadable
/// bodies (400 with errors per field, see <see cref="JsonBodyErrors"/>), oversized ones (413),
/// a rule an edit broke (400), a write that kept losing to concurrent writers (409, try again).
/// Anything else is a real fault and goes on to the error page.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => BodyProblem(context, json),
            BadHttpRequestException bad => Problem(bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Too large" : "Bad request", bad.Message),
            DomainException rule => Problem(StatusCodes.Status400BadRequest, "The change breaks a rule", rule.Message),
            StoreConflictException conflict => Problem(StatusCodes.Status409Conflict, "Changed by someone else", conflict.Message),
            _ => null,
        };
        if (problem is null) return false;
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }

    /// <summary>A body that could not be read as the endpoint's request: 400 with errors per field, in the API's words.</summary>
    private static HttpValidationProblemDetails BodyProblem(HttpContext context, JsonException json)
    {
        // The exception handler middleware has cleared the endpoint by now; its feature keeps the one that failed.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        var requestType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var errors = JsonBodyErrors.Describe(json, requestType, options);
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The body could not be read",
            Detail = string.Join(" ", errors.Values.SelectMany(messages => messages)),
        };
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
}
