using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace CopLive.TestSupport;

/// <summary>A thin HTTP client of the REST API that speaks JSON the way a browser would.</summary>
public sealed class ApiClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public Uri BaseAddress => baseAddress;

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? bearer = null) => SendAsync(HttpMethod.Post, path, body, bearer);

    public Task<HttpResponseMessage> GetAsync(string path, string? bearer = null) => SendAsync(HttpMethod.Get, path, null, bearer);

    /// <summary>Sends, asserts the status, and returns the JSON body.</summary>
    public async Task<JsonNode> ExpectAsync(System.Net.HttpStatusCode status, HttpMethod method, string path, object? body = null, string? bearer = null)
    {
        using var response = await SendAsync(method, path, body, bearer);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{method} {path}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var isJson = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true;
        return isJson && text.Length > 0 ? JsonNode.Parse(text)! : JsonValue.Create(text);
    }

    /// <summary>Creates a community as the administrator; returns its id and invite codes.</summary>
    public async Task<(string Id, JsonNode Invites)> CreateCommunityAsync(string adminKey, string name = "Grade 4 Math PLC", string zone = "America/Chicago")
    {
        var created = await ExpectAsync(System.Net.HttpStatusCode.Created, HttpMethod.Post, "/api/communities", new { name, timeZone = zone }, adminKey);
        return (created["id"]!.GetValue<string>(), created["invites"]!);
    }

    /// <summary>Joins with an invite; returns the member id and token.</summary>
    public async Task<(string MemberId, string Token)> JoinAsync(string invite, string displayName, string? zone = null, string? token = null)
    {
        var joined = await ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Post, "/api/join", new { inviteCode = invite, displayName, timeZone = zone }, token);
        return (joined["memberId"]!.GetValue<string>(), joined["token"]!.GetValue<string>());
    }

    public static string Text(JsonNode node, string property) => node[property]!.GetValue<string>();

    public void Dispose() => _http.Dispose();
}
