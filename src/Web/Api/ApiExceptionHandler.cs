using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using VideoGen.Grains.Domain;
using VideoGen.Grains.Storage;

namespace VideoGen.Web.Api;

/// <summary>
/// Turns the exceptions that mean "the request was wrong" into problem details: unreadable
/// or oversized bodies (400/413), a rule an edit broke (400), a write that kept losing to
/// concurrent writers (409, try again). Anything else is a real fault and goes on to the error page.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, "The body is not valid JSON",
                $"The request body could not be read as the expected JSON: {json.Message}"),
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Too large" : "Bad request", bad.Message),
            DomainException rule => (StatusCodes.Status400BadRequest, "The change breaks a rule", rule.Message),
            StoreConflictException conflict => (StatusCodes.Status409Conflict, "Changed by someone else", conflict.Message),
            _ => (0, "", ""),
        };
        if (status == 0) return false;
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
