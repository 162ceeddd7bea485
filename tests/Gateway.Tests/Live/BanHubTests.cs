using System.Net;
using CopLive.Client.Live;
using CopLive.GatewayHarness;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Errors;
using CopLive.Protocol.Hubs;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Gateway.Tests.Live;

/// <summary>Connection-level moderation: a ban closes open connections at once; a member's connections are capped.</summary>
[Collection(SharedGateway.Name)]
public sealed class BanHubTests(GatewayFixture gateway)
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
        await connection.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), document);

        await Api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, $"/api/communities/{community}/members/{memberId}/ban", new { reason = "Spam" }, owner);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await using var again = LiveConnection.Create(Api.BaseAddress, () => member);
        await again.StartAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => again.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), document));

        Assert.Equal(RefusalCode.Forbidden, HubError.Code(refused));
        await Api.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, $"/api/documents/{document}", bearer: member);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task AMemberBeyondTheConnectionCap_IsRefused()
    {
        var (_, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (_, member) = await Api.JoinAsync(ApiClient.Text(invites, "member"), "Many tabs");
        var connections = new List<HubConnection>();
        try
        {
            for (var i = 0; i < CopLive.Gateway.Fanout.MemberConnections.MaxPerMember; i++)
            {
                var tab = LiveConnection.Create(Api.BaseAddress, () => member);
                await tab.StartAsync();
                connections.Add(tab);
            }
            var extra = LiveConnection.Create(Api.BaseAddress, () => member);
            var closed = new TaskCompletionSource();
            extra.Closed += _ =>
            {
                closed.TrySetResult();
                return Task.CompletedTask;
            };
            extra.Reconnecting += _ =>
            {
                closed.TrySetResult();
                return Task.CompletedTask;
            };
            connections.Add(extra);

            // The handshake completes; then the gateway aborts the connection, which the client sees as a drop.
            await extra.StartAsync();
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.All(connections.Take(CopLive.Gateway.Fanout.MemberConnections.MaxPerMember), c => Assert.Equal(HubConnectionState.Connected, c.State));
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
