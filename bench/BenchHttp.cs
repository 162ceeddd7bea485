using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

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

    /// <summary>
    /// Creates a document of <paramref name="length"/> characters, <paramref name="pattern"/> repeated, as
    /// <paramref name="bearer"/>; returns its id. The REST body is capped at 64 KiB, so a longer document is created
    /// empty and written in 50,000-character ops over the hub.
    /// </summary>
    public static async Task<string> CreateLongDocumentAsync(HttpClient http, Uri server, string community, string bearer, string title, long length, string pattern)
    {
        var piece = string.Concat(Enumerable.Repeat(pattern, 50_000 / pattern.Length + 1))[..50_000];
        var created = await PostAsync(http, $"/api/communities/{community}/documents", new { title, text = "" }, bearer);
        var document = created["id"]!.GetValue<string>();
        await using var writer = await LiveConnection.ConnectAsync(server, bearer);
        long written = 0;
        for (var seq = 1; written < length; seq++)
        {
            var next = piece[..(int)Math.Min(piece.Length, length - written)];
            await writer.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), document, "writer", seq, (long)(seq - 1), TextOp.At((int)written, OpComponent.Insert(next)));
            written += next.Length;
        }
        return document;
    }
}
