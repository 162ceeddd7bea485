using System.Net;
using CopLive.TestSupport;

namespace CopLive.GatewayHarness;

/// <summary>The REST set-up co-editing tests share: a community with teachers in it, and a document of theirs.</summary>
public static class CoEditing
{
    /// <summary>Creates a community and joins <paramref name="members"/> teachers (the first a facilitator); returns their tokens.</summary>
    public static async Task<(string Community, IReadOnlyList<string> Tokens)> CommunityWithTeachersAsync(this ApiClient api, int members)
    {
        var (community, invites) = await api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var tokens = new List<string>();
        for (var i = 0; i < members; i++)
        {
            tokens.Add((await api.JoinAsync(ApiClient.Text(invites, i == 0 ? "facilitator" : "member"), $"Teacher {i}")).Token);
        }
        return (community, tokens);
    }

    /// <summary>Creates a document in the community as the member whose token is given; returns its id.</summary>
    public static async Task<Guid> CreateDocumentAsync(this ApiClient api, string community, string token, string title, string text)
    {
        var created = await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/documents", new { title, text }, token);
        return Guid.Parse(ApiClient.Text(created, "id"));
    }
}
