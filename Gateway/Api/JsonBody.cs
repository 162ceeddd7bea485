using System.Text.Json;
using CopLive.Grains.Errors;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CopLive.Gateway.Api;

/// <summary>
/// Reads a request body as JSON. Unlike the framework's implicit binding, a malformed body becomes a problem
/// response that says what is wrong and where (JSON path), instead of a bare 400.
/// </summary>
internal static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (!request.HasJsonContentType())
        {
            throw CopLiveException.Invalid("body", "The request body must be JSON (Content-Type: application/json).");
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await request.ReadFromJsonAsync<T>(options, request.HttpContext.RequestAborted)
                   ?? throw CopLiveException.Invalid("body", "The request body must be a JSON object, not null.");
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            throw CopLiveException.Invalid(field, $"The request body is not valid JSON for this request at '{field}': {FirstSentence(e.Message)}");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
