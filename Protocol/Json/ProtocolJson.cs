using System.Text.Json;
using System.Text.Json.Serialization;
using CopLive.Collab.Text;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CopLive.Protocol.Json;

/// <summary>
/// The JSON dialect of the hubs and the REST API, for the gateway and every .NET client alike: camelCase names and
/// enum values, nulls left out, NodaTime instants as ISO-8601 UTC, ops in the text type's notation.
/// </summary>
public static class ProtocolJson
{
    /// <summary>Sets <paramref name="options"/> to speak CopLive's JSON; returns them for chaining.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new TextOpJsonConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    /// <summary>An enum value as the wire spells it (<c>NotStarted</c> → <c>notStarted</c>).</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
