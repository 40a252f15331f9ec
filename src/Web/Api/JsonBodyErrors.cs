using System.Collections;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace VideoGen.Web.Api;

/// <summary>
/// Tells what was wrong with a JSON request body in the API's own words, as errors per field:
/// the field comes from the exception's JSON path, and what it must be from the property the
/// endpoint's request type has under that name. The server's type names never reach the client.
/// </summary>
public static partial class JsonBodyErrors
{
    /// <summary>The key of an error about the body as a whole (not JSON, or not an object).</summary>
    public const string BodyKey = "body";

    /// <summary>The errors per field that <paramref name="error"/> stands for.</summary>
    /// <param name="error">What the serializer threw while reading the body.</param>
    /// <param name="requestType">The type the endpoint reads its body as, when known.</param>
    /// <param name="options">The serializer options the endpoint reads with (they name the properties).</param>
    public static Dictionary<string, string[]> Describe(JsonException error, Type? requestType, JsonSerializerOptions options)
    {
        // The reader's own exception inside means the text is not JSON at all; its message says where.
        if (error.InnerException is JsonException syntax)
            return One(BodyKey, $"The body is not valid JSON: {syntax.Message}");

        if (FieldOf(error.Path) is not { } field)
        {
            var missing = MissingProperties(error.Message);
            return missing.Count > 0
                ? missing.ToDictionary(name => name, name => new[] { $"{name} is required." }, StringComparer.Ordinal)
                : One(BodyKey, $"The body must be {(requestType is null ? "a JSON object" : Kind(requestType))}.");
        }
        var property = requestType is null ? null : PropertyType(requestType, field, options);
        return One(field, property is null ? $"{field} has the wrong type." : $"{field} must be {Kind(property)}.");
    }

    /// <summary>
    /// The field a JSON path points into: <c>$.seed</c> and <c>$.seed[0]</c> are <c>seed</c>, <c>$['a b']</c>
    /// is <c>a b</c>, <c>$.a.b</c> is <c>a.b</c>; <see langword="null"/> for the body itself (<c>$</c>).
    /// </summary>
    public static string? FieldOf(string? path)
    {
        if (path is null || !path.StartsWith('$') || path.Length == 1) return null;
        var rest = path[1..];
        if (rest.StartsWith("['", StringComparison.Ordinal))
        {
            var end = rest.IndexOf("']", StringComparison.Ordinal);
            return end > 2 ? rest[2..end] : null;
        }
        if (!rest.StartsWith('.')) return null;
        var bracket = rest.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? rest[1..] : rest[1..bracket];
        return name.Length > 0 ? name : null;
    }

    /// <summary>A client's word for what a value of <paramref name="type"/> is.</summary>
    public static string Kind(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(char)) return "text";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(Guid)) return "an id";
        if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName));
        if (type == typeof(float) || type == typeof(double) || type == typeof(decimal)) return "a number";
        if (type.IsPrimitive) return "a whole number";
        if (typeof(IEnumerable).IsAssignableFrom(type)) return "a list";
        return "a JSON object";
    }

    private static Type? PropertyType(Type requestType, string field, JsonSerializerOptions options)
    {
        try
        {
            return options.GetTypeInfo(requestType).Properties.FirstOrDefault(p => p.Name == field)?.PropertyType;
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The properties the serializer found missing. It names them only in its message ("… missing
    /// required properties including: 'name', 'script'."); an empty list when the message says otherwise.
    /// </summary>
    private static List<string> MissingProperties(string message)
    {
        var at = message.IndexOf("missing required properties", StringComparison.Ordinal);
        return at < 0 ? [] : QuotedName().Matches(message[at..]).Select(m => m.Groups[1].Value).ToList();
    }

    private static Dictionary<string, string[]> One(string key, string message) => new(StringComparer.Ordinal) { [key] = [message] };

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedName();
}
