using System.Text.Json;
using System.Text.Json.Serialization;
using CopLive.Collab.Text;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CopLive.Gateway.Api;

/// <summary>
/// The JSON dialect of the REST API and the hubs: camelCase names and enum values, NodaTime instants as ISO-8601
/// UTC, ops in the text type's notation.
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new TextOpJsonConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }
}
