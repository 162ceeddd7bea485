using System.Net;
using CopLive.Client.Live;
using CopLive.Gateway.Tests.Fixtures;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Gateway.Tests.Live;

/// <summary>A ban closes the banned member's open connections at once.</summary>
public sealed class BanHubTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private ApiClient Api => gateway.Api;

    [Fact]
    public async Task BannedMember_IsDisconnectedAtOnce_AndCannotReopenTheDocument()
    {
        var (community, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (_, owner) = await Api.JoinAsync(ApiClient.Text(invites, "owner"), "Owner");
        var (memberId, member) = await Api.JoinAsync(ApiClient.Text(invites, "member"), "Disruptive");
        var created = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/documents", new { title = "Plan" }, owner);
        var document = ApiClient.Text(created, "id");
        var connection = LiveConnection.Create(Api.BaseAddress, () => member);
        var closed = new TaskCompletionSource();
        connection.Reconnecting += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        await connection.InvokeAsync<OpenedDocument>("OpenDocument", document);

        await Api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, $"/api/communities/{community}/members/{memberId}/ban", new { reason = "Spam" }, owner);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await using var again = LiveConnection.Create(Api.BaseAddress, () => member);
        await again.StartAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => again.InvokeAsync<OpenedDocument>("OpenDocument", document));

        Assert.Equal("Forbidden", HubError.Code(refused));
        await Api.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, $"/api/documents/{document}", bearer: member);
        await connection.DisposeAsync();
    }
}
