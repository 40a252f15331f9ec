using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoGen.Grains.Storage;

/// <summary>The JSON form of stored events: camelCase, enums as camelCase strings.</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
