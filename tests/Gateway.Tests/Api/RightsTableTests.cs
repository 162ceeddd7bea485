using System.Net;
using System.Reflection;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.Gateway.Hubs;
using CopLive.GatewayHarness;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using CopLive.Silo.Access;
using CopLive.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CopLive.Gateway.Tests.Api;

/// <summary>
/// The rights table (Silo/Access/AccessRules.cs, shown in docs/security.md), walked: every hub method and REST endpoint
/// by every kind of caller. Allowed calls work; refused ones answer 403 / <c>Forbidden</c> and leave the community as it
/// was. An entry point that is in neither the table nor the walk fails the test.
/// </summary>
[Collection(SharedGateway.Name)]
public sealed class RightsTableTests(GatewayFixture gateway)
{
    private const string Admin = "admin", Owner = "owner", Facilitator = "facilitator", Member = "member", Observer = "observer",
        Outsider = "outsider", Banned = "banned", Removed = "removed";

    private static readonly string[] Callers = [Admin, Owner, Facilitator, Member, Observer, Outsider, Banned, Removed];

    // The kinds of caller that hold a right, by the least role that holds it. "Removed" is a member removed from the
    // world's session: a member in every other respect.
    private static readonly string[] Readers = [Admin, Owner, Facilitator, Member, Observer, Removed];
    private static readonly string[] MembersAndAbove = [Admin, Owner, Facilitator, Member, Removed];
    private static readonly string[] Participants = [Owner, Facilitator, Member, Observer, Removed];
    private static readonly string[] Writers = [Owner, Facilitator, Member, Removed];
    private static readonly string[] Moderators = [Admin, Owner, Facilitator];
    private static readonly string[] Owners = [Admin, Owner];
    private static readonly string[] Everyone = Callers;

    /// <summary>Entry points that need no right, and why.</summary>
    private static readonly Dictionary<string, string> NoRight = new()
    {
        ["POST /api/join"] = "anonymous: the invite code is the credential (RestApiTests, BanTests)",
        ["GET /api/invites/{code}"] = "anonymous: the invite code is the credential; names the community and role only (InvitePreviewTests)",
        ["GET /api/me"] = "the caller's own profile",
        ["GET /api/gateways"] = "anonymous: the cluster's public gateway addresses, which a page needs before joining",
        ["LeaveSession"] = "removes only the caller's own connection",
        ["CloseRoom"] = "stops only the caller's own connection following a room",
        ["UnwatchDocument"] = "stops only the caller's own console following a document",
        ["UnwatchRoom"] = "stops only the caller's own console looking into a room",
    };

    /// <summary>
    /// Each row: the entry points it calls, the callers allowed, and how to call them. The preparation (say, scheduling
    /// a fresh session to start) runs first, for each caller, so only the call itself is checked for leaving the
    /// community unchanged.
    /// </summary>
    private static readonly Row[] Table =
    [
        new(["POST /api/communities"], [Admin], w => Ready(c => w.RestAsync(HttpMethod.Post, "/api/communities", new { name = "New PLC", timeZone = "UTC" }, c))),
        new(["GET /api/communities/{id}"], Readers, w => Ready(c => w.RestAsync(HttpMethod.Get, $"/api/communities/{w.Community}", null, c))),
        new(["GET /api/me/sessions"], Everyone.Except([Admin]), w => Ready(c => w.RestAsync(HttpMethod.Get, "/api/me/sessions", null, c))),
        new(["GET /api/gateways"], Everyone, w => Ready(c => w.RestAsync(HttpMethod.Get, "/api/gateways", null, c))),
        new(["GET /api/me"], Everyone.Except([Admin]), w => Ready(c => w.RestAsync(HttpMethod.Get, "/api/me", null, c))),
        new(["GET /api/communities/{id}/audit"], Readers, w => Ready(c => w.RestAsync(HttpMethod.Get, $"/api/communities/{w.Community}/audit", null, c))),
        new(["GetAudit"], Readers, w => Ready(c => w.AdminHubAsync(c, h => h.InvokeAsync<object>(nameof(IAdminHub.GetAudit), w.Community, 10)))),
        new(["POST /api/communities/{id}/invites/{role}"], Owners,
            w => Ready(c => w.RestAsync(HttpMethod.Post, $"/api/communities/{w.Community}/invites/observer", new { }, c))),
        new(["DELETE /api/communities/{id}/invites/{role}"], Owners,
            w => Ready(c => w.RestAsync(HttpMethod.Delete, $"/api/communities/{w.Community}/invites/observer", null, c))),
        new(["PUT /api/communities/{id}/members/{memberId}/role"], Moderators, async w =>
        {
            var member = await w.NewMemberAsync();
            return c => w.RestAsync(HttpMethod.Put, $"/api/communities/{w.Community}/members/{member}/role", new { role = "observer" }, c);
        }),
        new(["POST /api/communities/{id}/members/{memberId}/ban"], Moderators, async w =>
        {
            var member = await w.NewMemberAsync();
            return c => w.RestAsync(HttpMethod.Post, $"/api/communities/{w.Community}/members/{member}/ban", new { }, c);
        }),
        new(["BanMember"], Moderators, async w =>
        {
            var member = await w.NewMemberAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync(nameof(IModerationHub.BanMember), w.Community, member, (string?)null));
        }),
        new(["GET /api/communities/{id}/bans"], Owners, w => Ready(c => w.RestAsync(HttpMethod.Get, $"/api/communities/{w.Community}/bans", null, c))),
        new(["DELETE /api/communities/{id}/members/{memberId}/ban"], Owners, async w =>
        {
            var member = await w.BannedNewcomerAsync();
            return c => w.RestAsync(HttpMethod.Delete, $"/api/communities/{w.Community}/members/{member}/ban", null, c);
        }),
        new(["POST /api/communities/{id}/documents"], MembersAndAbove,
            w => Ready(c => w.RestAsync(HttpMethod.Post, $"/api/communities/{w.Community}/documents", new { title = "Notes" }, c))),
        new(["GET /api/documents/{id}", "GET /api/documents/{id}/ops", "GET /api/documents/{id}/authorship", "GET /api/documents/{id}/authors",
            "GET /api/documents/{id}/export.md"], Readers, w => Ready(async c =>
        {
            var results = new List<bool>();
            foreach (var path in new[] { "", "/ops?from=0", "/authorship", "/authors", "/export.md" })
            {
                results.Add(await w.RestAsync(HttpMethod.Get, $"/api/documents/{w.Document}{path}", null, c));
            }
            return results.Distinct().Single();
        })),
        new(["OpenDocument", "CloseDocument"], Readers, w => Ready(c => w.HubAsync(c, async h =>
        {
            await h.InvokeAsync<OpenedDocument>(nameof(ILiveHub.OpenDocument), w.Document);
            await h.InvokeAsync(nameof(ILiveHub.CloseDocument), w.Document);
        }))),
        new(["GetOps"], Readers, w => Ready(c => w.HubAsync(c, h => h.InvokeAsync<OpsReply>(nameof(ILiveHub.GetOps), w.Document, 0L)))),
        new(["MoveCursor"], Readers, w => Ready(c => w.HubAsync(c, h => h.InvokeAsync(nameof(ILiveHub.MoveCursor), w.Document, 0L, 0, 0)))),
        new(["WatchDocument", "GetContributors"], Readers, w => Ready(c => w.AdminHubAsync(c, async h =>
        {
            await h.InvokeAsync<object>(nameof(IAdminHub.WatchDocument), w.Document);
            await h.InvokeAsync<object>(nameof(IAdminHub.GetContributors), w.Document);
        }))),
        new(["SubmitOp"], Writers, w => Ready(c => w.HubAsync(c, h =>
            h.InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), w.Document, Guid.NewGuid().ToString("N"), 1L, 0L, TextOp.Create(OpComponent.Insert("x")))))),
        new(["POST /api/documents/{id}/lock"], Moderators, async w =>
        {
            var document = await w.NewDocumentAsync();
            return c => w.RestAsync(HttpMethod.Post, $"/api/documents/{document}/lock", new { locked = true }, c);
        }),
        new(["LockDocument"], Moderators, async w =>
        {
            var document = await w.NewDocumentAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<bool>(nameof(IModerationHub.LockDocument), document, true, (string?)null));
        }),
        new(["GET /api/communities/{id}/library"], Readers, w => Ready(c => w.RestAsync(HttpMethod.Get, $"/api/communities/{w.Community}/library?q=plan", null, c))),
        new(["PUT /api/communities/{id}/library/{documentId}/tags"], MembersAndAbove, async w =>
        {
            var document = await w.NewDocumentAsync();
            return c => w.RestAsync(HttpMethod.Put, $"/api/communities/{w.Community}/library/{document}/tags", new { tags = new[] { "grade4" } }, c);
        }),
        new(["GET /api/communities/{id}/templates"], Readers, w => Ready(c => w.RestAsync(HttpMethod.Get, $"/api/communities/{w.Community}/templates", null, c))),
        new(["POST /api/communities/{id}/templates"], Moderators, w => Ready(c => w.RestAsync(HttpMethod.Post, $"/api/communities/{w.Community}/templates",
            new { name = $"Protocol {Guid.NewGuid():N}", agenda = new[] { new { title = "Talk", minutes = 5 } } }, c))),
        new(["DELETE /api/communities/{id}/templates/{templateId}"], Moderators, async w =>
        {
            var template = await w.NewTemplateAsync();
            return c => w.RestAsync(HttpMethod.Delete, $"/api/communities/{w.Community}/templates/{template}", null, c);
        }),
        new(["POST /api/communities/{id}/sessions"], Moderators,
            w => Ready(c => w.RestAsync(HttpMethod.Post, $"/api/communities/{w.Community}/sessions", w.NewSession(), c))),
        new(["POST /api/communities/{id}/series"], Moderators, w => Ready(c => w.RestAsync(HttpMethod.Post, $"/api/communities/{w.Community}/series", w.NewSeries(), c))),
        new(["GET /api/series/{id}"], Readers, async w =>
        {
            var series = await w.NewSeriesAsync();
            return c => w.RestAsync(HttpMethod.Get, $"/api/series/{series}", null, c);
        }),
        new(["POST /api/series/{id}/occurrences/{index}/skip"], Moderators, async w =>
        {
            var series = await w.NewSeriesAsync();
            return c => w.RestAsync(HttpMethod.Post, $"/api/series/{series}/occurrences/1/skip", new { reason = "Holiday" }, c);
        }),
        new(["PUT /api/series/{id}/occurrences/{index}"], Moderators, async w =>
        {
            var series = await w.NewSeriesAsync();
            return c => w.RestAsync(HttpMethod.Put, $"/api/series/{series}/occurrences/1",
                new { start = DateTime.UtcNow.Date.AddDays(15).ToString("yyyy-MM-dd") + "T09:00" }, c);
        }),
        new(["POST /api/sessions/{id}/cancel"], Moderators, async w =>
        {
            var session = await w.ScheduleAsync();
            return c => w.RestAsync(HttpMethod.Post, $"/api/sessions/{session}/cancel", new { reason = "Snow day" }, c);
        }),
        new(["PUT /api/sessions/{id}/schedule"], Moderators, async w =>
        {
            var session = await w.ScheduleAsync();
            return c => w.RestAsync(HttpMethod.Put, $"/api/sessions/{session}/schedule",
                new { start = DateTime.UtcNow.Date.AddDays(8).ToString("yyyy-MM-dd") + "T17:30" }, c);
        }),
        new(["GET /api/sessions/{id}", "GET /api/sessions/{id}/live", "GET /api/sessions/{id}/attendance"], Readers, w => Ready(async c =>
        {
            var results = new List<bool>();
            foreach (var path in new[] { "", "/live", "/attendance" })
            {
                results.Add(await w.RestAsync(HttpMethod.Get, $"/api/sessions/{w.Session}{path}", null, c));
            }
            return results.Distinct().Single();
        })),
        new(["JoinSession"], [Owner, Facilitator, Member, Observer], w => Ready(c => w.HubAsync(c, h => h.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), w.Session)))),
        new(["LeaveSession"], Everyone, w => Ready(c => w.HubAsync(c, h => h.InvokeAsync(nameof(ILiveHub.LeaveSession), w.Session)))),
        new(["POST /api/sessions/{id}/start"], Moderators, async w =>
        {
            var session = await w.ScheduleAsync();
            return c => w.RestAsync(HttpMethod.Post, $"/api/sessions/{session}/start", new { }, c);
        }),
        new(["StartSession"], Moderators, async w =>
        {
            var session = await w.ScheduleAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<SessionState>(nameof(ILiveHub.StartSession), session));
        }),
        new(["POST /api/sessions/{id}/end"], Moderators, async w =>
        {
            var session = await w.LiveSessionAsync();
            return c => w.RestAsync(HttpMethod.Post, $"/api/sessions/{session}/end", new { reason = "wrapping up" }, c);
        }),
        new(["EndSession"], Moderators, async w =>
        {
            var session = await w.LiveSessionAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<SessionState>(nameof(IModerationHub.EndSession), session, "wrapping up"));
        }),
        new(["StartAgenda"], Moderators, async w =>
        {
            var session = await w.LiveSessionAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<SessionState>(nameof(ILiveHub.StartAgenda), session));
        }),
        new(["AdvancePhase", "PausePhase", "ResumePhase", "ExtendPhase"], Moderators, async w =>
        {
            var session = await w.LiveSessionAsync();
            await w.HubAsync(Owner, h => h.InvokeAsync<SessionState>(nameof(ILiveHub.StartAgenda), session));
            return c => w.HubAsync(c, async h =>
            {
                await h.InvokeAsync<SessionState>(nameof(ILiveHub.PausePhase), session);
                await h.InvokeAsync<SessionState>(nameof(ILiveHub.ResumePhase), session);
                await h.InvokeAsync<SessionState>(nameof(IModerationHub.ExtendPhase), session, 5);
                await h.InvokeAsync<SessionState>(nameof(ILiveHub.AdvancePhase), session);
            });
        }),
        new(["SetRecorder"], Moderators, async w =>
        {
            var session = await w.LiveSessionAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<SessionState>(nameof(ILiveHub.SetRecorder), session, (string?)null));
        }),
        new(["AddDecision", "AddActionItem", "SetActionItemDone", "RemoveMinutesEntry"], Moderators, async w =>
        {
            var session = await w.LiveSessionAsync();
            return c => w.HubAsync(c, async h =>
            {
                var decided = await h.InvokeAsync<SessionState>(nameof(ILiveHub.AddDecision), session, "We keep the trios");
                var assigned = await h.InvokeAsync<SessionState>(nameof(ILiveHub.AddActionItem), session, new ActionItemRequest("Share the unit", null, null));
                await h.InvokeAsync<SessionState>(nameof(ILiveHub.SetActionItemDone), session, assigned.ActionItems![^1].Id.ToString(), true);
                await h.InvokeAsync<SessionState>(nameof(ILiveHub.RemoveMinutesEntry), session, decided.Decisions![^1].Id.ToString());
            });
        }),
        new(["GET /api/sessions/{id}/minutes", "GET /api/sessions/{id}/minutes.md"], Readers, w => Ready(async c =>
        {
            var json = await w.RestAsync(HttpMethod.Get, $"/api/sessions/{w.Session}/minutes", null, c);
            var markdown = await w.RestAsync(HttpMethod.Get, $"/api/sessions/{w.Session}/minutes.md", null, c);
            return new[] { json, markdown }.Distinct().Single();
        })),
        new(["OpenBreakouts"], Moderators, async w =>
        {
            var session = await w.LiveSessionWithMemberAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<SessionState>(nameof(ILiveHub.OpenBreakouts), session, new { rooms = 1, assignment = "auto", minutes = 5 }));
        }),
        new(["MoveMember", "BroadcastToRooms", "ExtendRound", "CloseRound"], Moderators, async w =>
        {
            var (session, rooms) = await w.OpenRoundAsync("manual");
            return c => w.HubAsync(c, async h =>
            {
                await h.InvokeAsync<SessionState>(nameof(IModerationHub.MoveMember), session, w.MemberId, rooms[1]);
                await h.InvokeAsync<SessionState>(nameof(IModerationHub.BroadcastToRooms), session, "Five more minutes");
                await h.InvokeAsync<SessionState>(nameof(IModerationHub.ExtendRound), session, 5);
                await h.InvokeAsync<SessionState>(nameof(IModerationHub.CloseRound), session);
            });
        }),
        new(["ChooseRoom"], Participants, async w =>
        {
            var (session, rooms) = await w.OpenRoundAsync("self");
            return c => w.HubAsync(c, h => h.InvokeAsync<SessionState>(nameof(ILiveHub.ChooseRoom), session, rooms[0]));
        }),
        new(["POST /api/sessions/{id}/members/{memberId}/mute"], Moderators, async w =>
        {
            var member = await w.NewMemberAsync();
            return c => w.RestAsync(HttpMethod.Post, $"/api/sessions/{w.Session}/members/{member}/mute", new { muted = true }, c);
        }),
        new(["MuteMember"], Moderators, async w =>
        {
            var member = await w.NewMemberAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<SessionState>(nameof(IModerationHub.MuteMember), w.Session, member, true, (string?)null));
        }),
        new(["POST /api/sessions/{id}/members/{memberId}/remove"], Moderators, async w =>
        {
            var member = await w.NewMemberAsync();
            return c => w.RestAsync(HttpMethod.Post, $"/api/sessions/{w.Session}/members/{member}/remove", new { }, c);
        }),
        new(["RemoveMember"], Moderators, async w =>
        {
            var member = await w.NewMemberAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<SessionState>(nameof(IModerationHub.RemoveMember), w.Session, member, (string?)null));
        }),
        new(["GET /api/rooms/{id}", "OpenRoom"], Readers, w => Ready(async c =>
            await w.RestAsync(HttpMethod.Get, $"/api/rooms/{w.MainRoom}", null, c)
            & await w.HubAsync(c, h => h.InvokeAsync<RoomState>(nameof(ILiveHub.OpenRoom), w.MainRoom)))),
        new(["GET /api/rooms/{id}", "OpenRoom"], Moderators, async w =>
        {
            // A breakout room none of the callers is in: only those who may look into rooms can read it.
            var room = await w.BreakoutRoomWithoutOthersAsync();
            return async c => await w.RestAsync(HttpMethod.Get, $"/api/rooms/{room}", null, c)
                & await w.HubAsync(c, h => h.InvokeAsync<RoomState>(nameof(ILiveHub.OpenRoom), room));
        }),
        new(["WatchRoom"], Moderators, async w =>
        {
            var room = await w.BreakoutRoomWithoutOthersAsync();
            return c => w.AdminHubAsync(c, h => h.InvokeAsync<RoomState>(nameof(IAdminHub.WatchRoom), room));
        }),
        new(["CloseRoom"], Everyone, w => Ready(c => w.HubAsync(c, h => h.InvokeAsync(nameof(ILiveHub.CloseRoom), w.MainRoom)))),
        // The removed member was removed from the session whose main room these are: they may read it, not take part.
        new(["SendChat"], Writers.Except([Removed]), w => Ready(c => w.HubAsync(c, h => h.InvokeAsync<RoomState>(nameof(ILiveHub.SendChat), w.MainRoom, $"hello from {c}", Guid.NewGuid().ToString())))),
        new(["SetHand"], Participants.Except([Removed]), w => Ready(c => w.HubAsync(c, h => h.InvokeAsync<RoomState>(nameof(ILiveHub.SetHand), w.MainRoom, true)))),
        new(["AskForHelp"], Participants, async w =>
        {
            var room = await w.LiveSessionRoomAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<RoomState>(nameof(ILiveHub.AskForHelp), room, "Help, please"));
        }),
        new(["ClaimHelp"], Moderators, async w =>
        {
            var (room, request) = await w.HelpRequestAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<RoomState>(nameof(IModerationHub.ClaimHelp), room, request));
        }),
        new(["ResolveHelp"], [.. Moderators, Member], async w =>
        {
            // The member asked: they may resolve their own request; facilitators may resolve anyone's.
            var (room, request) = await w.HelpRequestAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<RoomState>(nameof(IModerationHub.ResolveHelp), room, request));
        }),
        // The outsider owns another community, so their console opens, on that community alone.
        new(["OpenBoard"], [.. Moderators, Outsider], w => Ready(c => w.AdminHubAsync(c, h => h.InvokeAsync<object>(nameof(IAdminHub.OpenBoard))))),
        new(["UnwatchDocument"], Everyone, w => Ready(c => w.AdminHubAsync(c, h => h.InvokeAsync(nameof(IAdminHub.UnwatchDocument), w.Document)))),
        new(["UnwatchRoom"], Everyone, w => Ready(c => w.AdminHubAsync(c, h => h.InvokeAsync(nameof(IAdminHub.UnwatchRoom), w.MainRoom)))),
        // Last: leaving takes the caller out of the community for good.
        new(["DELETE /api/communities/{id}/membership"], Participants, async w =>
        {
            await w.SecondOwnerAsync();
            return c => w.RestAsync(HttpMethod.Delete, $"/api/communities/{w.Community}/membership", null, c);
        }),
    ];

    private ApiClient Api => gateway.Api;

    private static Task<Func<string, Task<bool>>> Ready(Func<string, Task<bool>> call) => Task.FromResult(call);

    [Fact]
    public void EveryEntryPoint_IsInTheRightsTable_AndWalked()
    {
        var entryPoints = HubMethods(typeof(LiveHub)).Concat(HubMethods(typeof(AdminHub))).Concat(RestEndpoints()).ToHashSet();
        var inTable = AccessRules.All.SelectMany(r => r.Calls).Concat(NoRight.Keys).ToHashSet();
        var walked = Table.SelectMany(r => r.EntryPoints).ToHashSet();

        Assert.True(entryPoints.Count > 60, $"Only {entryPoints.Count} entry points were found.");
        Assert.Empty(entryPoints.Except(inTable));
        Assert.Empty(inTable.Except(entryPoints));
        Assert.Empty(entryPoints.Except(walked).Except(["POST /api/join", "GET /api/invites/{code}"]));
    }

    [Fact]
    public async Task EveryCall_ByEveryKindOfCaller_IsAllowedOrRefusedAsTheTableSays()
    {
        await using var world = await World.CreateAsync(Api);
        var mismatches = new List<string>();
        foreach (var row in Table)
        {
            foreach (var caller in Callers)
            {
                var attempt = await row.Prepare(world);
                var before = await world.SnapshotAsync();
                var succeeded = await attempt(caller);
                var expected = row.Allowed.Contains(caller);
                if (succeeded != expected)
                {
                    mismatches.Add($"{string.Join(", ", row.EntryPoints)} by {caller}: {(succeeded ? "allowed" : "refused")}, expected {(expected ? "allowed" : "refused")}");
                }
                if (!succeeded && before != await world.SnapshotAsync())
                {
                    mismatches.Add($"{string.Join(", ", row.EntryPoints)} by {caller} was refused but changed the community");
                }
            }
        }
        Assert.Empty(mismatches);
    }

    private static IEnumerable<string> HubMethods(Type hub) => hub
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType!.Namespace!.StartsWith("CopLive", StringComparison.Ordinal))
        .Select(m => m.Name);

    private IEnumerable<string> RestEndpoints() => gateway.Services.GetServices<EndpointDataSource>()
        .SelectMany(s => s.Endpoints)
        .OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => $"{method} {Route(e.RoutePattern.RawText!)}"));

    /// <summary>A route as the rights table writes it: no constraints, no trailing slash.</summary>
    private static string Route(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}", "{$1}").TrimEnd('/');

    private sealed record Row(string[] EntryPoints, IEnumerable<string> Allowed, Func<World, Task<Func<string, Task<bool>>>> Prepare);
}
