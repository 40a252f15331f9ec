using Microsoft.AspNetCore.Http.Metadata;

namespace VideoGen.Web.Api;

/// <summary>
/// Refuses a request whose declared body is over its endpoint's limit (<see cref="IRequestSizeLimitMetadata"/>)
/// with 413 before the endpoint runs, on any server, so even a route that never reads its body does not
/// act on a request the API refuses. A chunked body is cut off by the server as it is read: routing hands
/// it the same limit. Either way <see cref="ApiExceptionHandler"/> writes the problem details.
/// </summary>
public static class RequestBodyLimit
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit && context.Request.ContentLength > limit)
            throw new BadHttpRequestException(
                $"The request body is {context.Request.ContentLength:N0} bytes; at most {limit:N0} are accepted.", StatusCodes.Status413PayloadTooLarge);
        await next(context);
    });
}
