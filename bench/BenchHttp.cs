using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CopLive.Bench;

/// <summary>The REST calls the benchmarks make to set up communities, members and documents.</summary>
internal static class BenchHttp
{
    /// <summary>POSTs <paramref name="body"/> as JSON and returns the reply; throws with the server's answer when it refuses.</summary>
    public static async Task<JsonNode> PostAsync(HttpClient http, string path, object body, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
    }

    /// <summary>GETs <paramref name="path"/> as <paramref name="bearer"/> and returns the reply; throws with the server's answer when it refuses.</summary>
    public static async Task<JsonNode> GetAsync(HttpClient http, string path, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {text}");
    }
}
