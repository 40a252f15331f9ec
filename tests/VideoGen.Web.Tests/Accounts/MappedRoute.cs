using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace VideoGen.Web.Tests.Accounts;

/// <summary>One mapped endpoint: its pattern, the methods it answers, how to fill its parameters.</summary>
public sealed record MappedRoute(RouteEndpoint Endpoint)
{
    public string Pattern { get; } = (Endpoint.RoutePattern.RawText ?? "").Trim('/');

    public bool IsApi => Pattern.StartsWith("api/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Razor pages answer any method; they have GET and POST handlers.</summary>
    public IReadOnlyList<string> Methods { get; } =
        Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() is { Length: > 0 } methods ? methods : ["GET", "POST"];

    public IReadOnlyList<RoutePatternParameterPart> Parameters { get; } = Endpoint.RoutePattern.Parameters.Where(p => !p.IsOptional).ToArray();

    /// <summary>Every endpoint the app maps, read from its endpoint data source.</summary>
    public static IReadOnlyList<MappedRoute> All(StudioFactory factory)
    {
        _ = factory.Server;
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => new MappedRoute(e))
            .ToArray();
    }

    /// <summary>The path with every required parameter filled by <paramref name="value"/>; optional ones left out.</summary>
    public string Path(Func<RouteParameter, string> value) => RawPath(p => Uri.EscapeDataString(value(p)));

    /// <summary>The path with every required parameter filled by <paramref name="value"/> as it is, unescaped, so a test can send path tricks.</summary>
    public string RawPath(Func<RouteParameter, string> value) => "/" + string.Join('/', Endpoint.RoutePattern.PathSegments
        .Select((segment, index) => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart { IsOptional: true } => "",
            RoutePatternParameterPart parameter => value(new RouteParameter(parameter.Name,
                index > 0 ? Endpoint.RoutePattern.PathSegments[index - 1].Parts.OfType<RoutePatternLiteralPart>().LastOrDefault()?.Content : null)),
            _ => "",
        })))
        .Where(s => s.Length > 0));
}
