using System.Net;
using CopLive.Client.Live;
using CopLive.GatewayHarness;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Gateway.Tests.Api;

/// <summary>
/// Thousands of random and malformed calls to every hub method and REST endpoint: each one succeeds or answers a
/// clear error, the server keeps serving, a refused call changes nothing, and nothing goes unhandled.
/// </summary>
[Collection(SharedGateway.Name)]
public sealed class FuzzTests(GatewayFixture gateway)
{
    private static readonly string[] HubMethods =
    [
        "OpenDocument", "SubmitOp", "GetOps", "MoveCursor", "CloseDocument", "JoinSession", "LeaveSession", "StartSession", "EndSession",
        "StartAgenda", "AdvancePhase", "PausePhase", "ResumePhase", "ExtendPhase", "OpenBreakouts", "ChooseRoom", "MoveMember",
        "BroadcastToRooms", "ExtendRound", "CloseRound", "OpenRoom", "CloseRoom", "SendChat", "SetHand", "AskForHelp", "ClaimHelp",
        "ResolveHelp", "MuteMember", "RemoveMember", "BanMember", "LockDocument", "NoSuchMethod",
    ];

    private ApiClient Api => gateway.Api;

    [Fact]
    public async Task RandomAndMalformedCalls_AreAnsweredWithErrors_AndChangeNothingWhenRefused()
    {
        var random = new Random(20261128);
        var (community, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (_, owner) = await Api.JoinAsync(ApiClient.Text(invites, "owner"), "Owner");
        var (memberId, member) = await Api.JoinAsync(ApiClient.Text(invites, "member"), "Member");
        var (otherCommunity, otherInvites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey, "Other");
        var (_, stranger) = await Api.JoinAsync(ApiClient.Text(otherInvites, "owner"), "Stranger");
        var document = ApiClient.Text(await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/documents", new { title = "Plan", text = "abc" }, owner), "id");
        var start = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd") + "T16:00";
        var session = ApiClient.Text(await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions",
            new { title = "PLC", start, timeZone = "UTC", durationMinutes = 60, agenda = Array.Empty<object>() }, owner), "id");
        var room = ApiClient.Text(await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/sessions/{session}/start", new { }, owner), "mainRoomId");

        object?[] ids = [community, document, session, room, memberId, otherCommunity, Guid.NewGuid().ToString(), "not-a-guid", ""];
        object?[] Values() =>
        [
            null, 0, -1, 1, long.MaxValue, int.MinValue, 3.5, true, "", "x", new string('x', 5_000), "\ud800broken", "😀é",
            new object[] { 1, "x" }, new object[] { "a", "b" }, new { d = 1 }, new { }, ids[random.Next(ids.Length)], ids[random.Next(ids.Length)],
        ];

        await using var hub = LiveConnection.Create(Api.BaseAddress, () => member);
        await hub.StartAsync();
        var refused = 0;
        for (var i = 0; i < 1_500; i++)
        {
            var method = HubMethods[random.Next(HubMethods.Length)];
            var arguments = Enumerable.Range(0, random.Next(0, 6)).Select(_ => { var v = Values(); return v[random.Next(v.Length)]; }).ToArray();
            var before = await SnapshotAsync(community, document, room);
            try
            {
                await hub.InvokeCoreAsync<object?>(method, arguments);
                continue;
            }
            catch (HubException)
            {
                refused++;
            }
            Assert.Equal(HubConnectionState.Connected, hub.State);
            Assert.True(before == await SnapshotAsync(community, document, room), $"refused {method}({string.Join(", ", arguments)}) changed state");
        }

        string[] paths =
        [
            $"/api/communities/{community}", $"/api/communities/{community}/sessions", $"/api/communities/{community}/documents",
            $"/api/communities/{community}/invites/member", $"/api/communities/{community}/members/{memberId}/role",
            $"/api/communities/{community}/members/{memberId}/ban", $"/api/communities/{community}/audit?limit=-5&before=x",
            $"/api/communities/{otherCommunity}", $"/api/documents/{document}?version=-3", $"/api/documents/{document}/ops?from=x",
            $"/api/documents/{document}/lock", $"/api/sessions/{session}/members/{memberId}/mute", $"/api/sessions/{session}/start",
            $"/api/rooms/{room}", "/api/join", "/api/communities", $"/api/documents/{Guid.NewGuid()}", "/api/me/sessions",
        ];
        string[] bodies = ["{", "[]", "null", "{\"title\": 42}", "{\"role\": null}", "{\"muted\": \"yes\"}", "{\"locked\": 1}",
            $"{{\"name\": \"{new string('n', 300)}\", \"timeZone\": \"UTC\"}}", "{\"inviteCode\": \"\\ud800\"}", "\"just a string\""];
        var methods = new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete };
        string?[] bearers = [member, stranger, null, "garbage.token.value", owner[..^3] + "abc"];
        for (var i = 0; i < 1_500; i++)
        {
            var before = await SnapshotAsync(community, document, room);
            var method = methods[random.Next(methods.Length)];
            using var response = await Api.SendAsync(method, paths[random.Next(paths.Length)],
                method == HttpMethod.Get ? null : bodies[random.Next(bodies.Length)], bearers[random.Next(bearers.Length)]);
            Assert.True((int)response.StatusCode < 500, $"{method} answered {(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode)
            {
                refused++;
                Assert.Equal(before, await SnapshotAsync(community, document, room));
            }
        }

        Assert.True(refused > 1_000);
        await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/healthz");
        Assert.True(gateway.ServerErrors.Errors.Count == 0, string.Join("\n----\n", gateway.ServerErrors.Errors.Take(3)));
    }

    private async Task<string> SnapshotAsync(string community, string document, string room)
    {
        var c = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{community}", bearer: GatewayFixture.AdminKey);
        var d = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{document}", bearer: GatewayFixture.AdminKey);
        var r = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/rooms/{room}", bearer: GatewayFixture.AdminKey);
        return c.ToJsonString() + d.ToJsonString() + r.ToJsonString();
    }
}
