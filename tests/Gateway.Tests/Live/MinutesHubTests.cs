using System.Collections.Concurrent;
using System.Net;
using CopLive.Client.Live;
using CopLive.GatewayHarness;
using CopLive.Protocol.Errors;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Sessions;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Gateway.Tests.Live;

/// <summary>A recorder marks decisions and action items over the real hub; everyone sees them; the minutes export as Markdown.</summary>
[Collection(SharedGateway.Name)]
public sealed class MinutesHubTests(GatewayFixture gateway)
{
    private ApiClient Api => gateway.Api;

    [Fact]
    public async Task TheRecordersDecisionsAndActionItems_ReachEveryone_AndEndUpInTheMinutes()
    {
        var (community, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (_, facilitatorToken) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera", "America/Chicago");
        var (recorderId, recorderToken) = await Api.JoinAsync(ApiClient.Text(invites, "member"), "Ana Ruiz");
        var (benId, benToken) = await Api.JoinAsync(ApiClient.Text(invites, "member"), "Ben Okafor");
        var scheduled = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions", new
        {
            title = "Tuning: fractions",
            start = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd") + "T16:00",
            timeZone = "America/Chicago",
            template = "tuning",
        }, facilitatorToken);
        var session = ApiClient.Text(scheduled, "id");
        await using var facilitator = await LiveConnection.ConnectAsync(Api.BaseAddress, facilitatorToken);
        await using var recorder = await LiveConnection.ConnectAsync(Api.BaseAddress, recorderToken);
        await using var ben = await LiveConnection.ConnectAsync(Api.BaseAddress, benToken);
        var seenByBen = new ConcurrentQueue<SessionState>();
        ben.On<SessionState>(nameof(ILiveClient.SessionChanged), seenByBen.Enqueue);
        await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartSession), session);
        foreach (var connection in new[] { facilitator, recorder, ben })
        {
            await connection.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session);
        }
        await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartAgenda), session);

        var beforeNamed = await Assert.ThrowsAsync<HubException>(() => recorder.InvokeAsync<SessionState>(nameof(ILiveHub.AddDecision), session, "Too soon"));
        await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.SetRecorder), session, recorderId);
        await recorder.InvokeAsync<SessionState>(nameof(ILiveHub.AddDecision), session, "Use bar models in unit 3");
        var badDue = await Assert.ThrowsAsync<HubException>(() => recorder.InvokeAsync<SessionState>(nameof(ILiveHub.AddActionItem), session,
            new ActionItemRequest("Share the unit", null, "next friday")));
        var assigned = await recorder.InvokeAsync<SessionState>(nameof(ILiveHub.AddActionItem), session,
            new ActionItemRequest("Share the unit plan", Guid.Parse(benId), DateTime.UtcNow.Date.AddDays(14).ToString("yyyy-MM-dd")));
        var bySeen = await Eventually.ReadAsync(() => seenByBen.LastOrDefault(s => s.ActionItems is { Count: > 0 }));
        await facilitator.InvokeAsync<SessionState>("EndSession", session, (string?)null);

        var minutes = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/minutes", bearer: benToken);
        using var markdown = await Api.GetAsync($"/api/sessions/{session}/minutes.md", benToken);
        var text = await markdown.Content.ReadAsStringAsync();

        Assert.Equal(RefusalCode.Forbidden, HubError.Code(beforeNamed));
        Assert.Equal(RefusalCode.InvalidArgument, HubError.Code(badDue));
        Assert.Equal("Ben Okafor", assigned.ActionItems![0].OwnerName);
        Assert.Equal("Use bar models in unit 3", Assert.Single(bySeen.Decisions!).Text);
        Assert.True(minutes["final"]!.GetValue<bool>());
        Assert.Equal(3, minutes["attendance"]!.AsArray().Count);
        Assert.Equal(7, minutes["agenda"]!.AsArray().Count);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("# Minutes: Tuning: fractions\n", text);
        Assert.Contains("- Ana Ruiz (", text);
        Assert.Contains("- Presentation (8 min planned): ", text);
        Assert.Contains("- Use bar models in unit 3 (Ana Ruiz, ", text);
        Assert.Contains("- [ ] Share the unit plan — Ben Okafor, due ", text);
        Assert.Contains($"/api/documents/{ApiClient.Text(minutes, "planDocumentId")}?version=", text);
    }
}
