using System.Net;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.GatewayHarness;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Gateway.Tests.Api;

/// <summary>
/// The rights table of docs/security.md, walked: every listed call by every kind of caller. Allowed calls work;
/// refused ones answer 403 / <c>Forbidden</c> and leave the community as it was.
/// </summary>
public sealed class RightsTableTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static readonly string[] Callers = ["admin", "owner", "facilitator", "member", "observer", "outsider"];
    private ApiClient Api => gateway.Api;

    /// <summary>
    /// Each call, the callers allowed to make it, and how to make it: the preparation (say, scheduling a fresh
    /// session to start) runs first, so only the call itself is checked for leaving the community unchanged.
    /// </summary>
    private static readonly (string Call, string[] Allowed, Func<World, Task<Func<string, Task<bool>>>> Prepare)[] Table =
    [
        ("create community", ["admin"], w => Ready(c => w.RestAsync(HttpMethod.Post, "/api/communities", new { name = "New PLC", timeZone = "UTC" }, c))),
        ("GET audit", ["admin", "owner", "facilitator", "member", "observer"], w => Ready(c => w.RestAsync(HttpMethod.Get, $"/api/communities/{w.Community}/audit", null, c))),
        ("lift a ban", ["admin", "owner"], w => Ready(c => w.RestAsync(HttpMethod.Delete, $"/api/communities/{w.Community}/members/{Guid.NewGuid()}/ban", null, c))),
        ("GET me", ["owner", "facilitator", "member", "observer", "outsider"], w => Ready(c => w.RestAsync(HttpMethod.Get, "/api/me", null, c))),
        ("read an open breakout room one is not in", ["admin", "owner", "facilitator"], async w =>
        {
            var room = await w.BreakoutRoomWithoutOthersAsync();
            return c => w.RestAsync(HttpMethod.Get, $"/api/rooms/{room}", null, c);
        }),
        ("GET community", ["admin", "owner", "facilitator", "member", "observer"], w => Ready(c => w.RestAsync(HttpMethod.Get, $"/api/communities/{w.Community}", null, c))),
        ("POST session", ["admin", "owner", "facilitator"], w => Ready(c => w.RestAsync(HttpMethod.Post, $"/api/communities/{w.Community}/sessions", w.NewSession(), c))),
        ("POST document", ["admin", "owner", "facilitator", "member"], w => Ready(c => w.RestAsync(HttpMethod.Post, $"/api/communities/{w.Community}/documents", new { title = "Notes" }, c))),
        ("rotate invite", ["admin", "owner"], w => Ready(c => w.RestAsync(HttpMethod.Post, $"/api/communities/{w.Community}/invites/observer", new { }, c))),
        ("change role", ["admin", "owner", "facilitator"], async w =>
        {
            var member = await w.NewMemberAsync();
            return c => w.RestAsync(HttpMethod.Put, $"/api/communities/{w.Community}/members/{member}/role", new { role = "observer" }, c);
        }),
        ("GET document", ["admin", "owner", "facilitator", "member", "observer"], w => Ready(c => w.RestAsync(HttpMethod.Get, $"/api/documents/{w.Document}", null, c))),
        ("lock document", ["admin", "owner", "facilitator"], w => Ready(c => w.RestAsync(HttpMethod.Post, $"/api/documents/{w.Document}/lock", new { locked = false }, c))),
        ("start session", ["admin", "owner", "facilitator"], async w =>
        {
            var session = await w.ScheduleAsync();
            return c => w.RestAsync(HttpMethod.Post, $"/api/sessions/{session}/start", new { }, c);
        }),
        ("session attendance", ["admin", "owner", "facilitator", "member", "observer"], w => Ready(c => w.RestAsync(HttpMethod.Get, $"/api/sessions/{w.Session}/attendance", null, c))),
        ("mute", ["admin", "owner", "facilitator"], w => Ready(c => w.RestAsync(HttpMethod.Post, $"/api/sessions/{w.Session}/members/{w.MemberId}/mute", new { muted = false }, c))),
        ("SubmitOp (hub)", ["owner", "facilitator", "member"], w => Ready(c => w.HubAsync(c, h =>
            h.InvokeAsync<SubmitReply>("SubmitOp", w.Document, Guid.NewGuid().ToString("N"), 1L, 0L, TextOp.Create(OpComponent.Insert("x")))))),
        ("SendChat (hub)", ["owner", "facilitator", "member"], w => Ready(c => w.HubAsync(c, h => h.InvokeAsync<object>("SendChat", w.MainRoom, $"hello from {c}")))),
        ("StartAgenda (hub)", ["admin", "owner", "facilitator"], async w =>
        {
            var session = await w.ScheduleAsync();
            await w.RestAsync(HttpMethod.Post, $"/api/sessions/{session}/start", new { }, "owner");
            return c => w.HubAsync(c, h => h.InvokeAsync<SessionState>("StartAgenda", session));
        }),
        ("OpenDocument (hub)", ["admin", "owner", "facilitator", "member", "observer"], w => Ready(c => w.HubAsync(c, h => h.InvokeAsync<OpenedDocument>("OpenDocument", w.Document)))),
        ("GetOps (hub)", ["admin", "owner", "facilitator", "member", "observer"], w => Ready(c => w.HubAsync(c, h => h.InvokeAsync<OpsReply>("GetOps", w.Document, 0L)))),
        ("MoveCursor (hub)", ["admin", "owner", "facilitator", "member", "observer"], w => Ready(c => w.HubAsync(c, h => h.InvokeAsync("MoveCursor", w.Document, 0L, 0, 0)))),
        ("LockDocument (hub)", ["admin", "owner", "facilitator"], w => Ready(c => w.HubAsync(c, h => h.InvokeAsync<bool>("LockDocument", w.Document, false, (string?)null)))),
        ("JoinSession (hub)", ["owner", "facilitator", "member", "observer"], w => Ready(c => w.HubAsync(c, h => h.InvokeAsync<SessionState>("JoinSession", w.Session)))),
        ("SetHand (hub)", ["owner", "facilitator", "member", "observer"], w => Ready(c => w.HubAsync(c, h => h.InvokeAsync<object>("SetHand", w.MainRoom, true)))),
        ("AskForHelp (hub)", ["owner", "facilitator", "member", "observer"], async w =>
        {
            var room = await w.LiveSessionRoomAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<object>("AskForHelp", room, "Help, please"));
        }),
        ("ClaimHelp (hub)", ["admin", "owner", "facilitator"], async w =>
        {
            var (room, request) = await w.HelpRequestAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<object>("ClaimHelp", room, request));
        }),
        ("AdvancePhase (hub)", ["admin", "owner", "facilitator"], async w =>
        {
            var session = await w.ScheduleAsync();
            await w.RestAsync(HttpMethod.Post, $"/api/sessions/{session}/start", new { }, "owner");
            await w.HubAsync("owner", h => h.InvokeAsync<SessionState>("StartAgenda", session));
            return c => w.HubAsync(c, h => h.InvokeAsync<SessionState>("AdvancePhase", session));
        }),
        ("OpenBreakouts (hub)", ["admin", "owner", "facilitator"], async w =>
        {
            var session = await w.LiveSessionWithMemberAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<SessionState>("OpenBreakouts", session, new { rooms = 1, assignment = "auto", minutes = 5 }));
        }),
        ("EndSession (hub)", ["admin", "owner", "facilitator"], async w =>
        {
            var session = await w.ScheduleAsync();
            await w.RestAsync(HttpMethod.Post, $"/api/sessions/{session}/start", new { }, "owner");
            return c => w.HubAsync(c, h => h.InvokeAsync<SessionState>("EndSession", session, "wrapping up"));
        }),
        ("RemoveMember (hub)", ["admin", "owner", "facilitator"], async w =>
        {
            var member = await w.NewMemberAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync<SessionState>("RemoveMember", w.Session, member, (string?)null));
        }),
        ("BanMember (hub)", ["admin", "owner", "facilitator"], async w =>
        {
            var member = await w.NewMemberAsync();
            return c => w.HubAsync(c, h => h.InvokeAsync("BanMember", w.Community, member, (string?)null));
        }),
    ];

    private static Task<Func<string, Task<bool>>> Ready(Func<string, Task<bool>> call) => Task.FromResult(call);

    [Fact]
    public async Task EveryCall_ByEveryKindOfCaller_IsAllowedOrRefusedAsTheTableSays()
    {
        var world = await World.CreateAsync(Api);
        var mismatches = new List<string>();
        foreach (var (call, allowed, prepare) in Table)
        {
            foreach (var caller in Callers)
            {
                var attempt = await prepare(world);
                var before = await world.SnapshotAsync();
                var succeeded = await attempt(caller);
                var expected = allowed.Contains(caller);
                if (succeeded != expected)
                {
                    mismatches.Add($"{call} by {caller}: {(succeeded ? "allowed" : "refused")}, expected {(expected ? "allowed" : "refused")}");
                }
                if (!succeeded && before != await world.SnapshotAsync())
                {
                    mismatches.Add($"{call} by {caller} was refused but changed the community");
                }
            }
        }

        Assert.Empty(mismatches);
        await world.DisposeAsync();
    }

    private sealed class World : IAsyncDisposable
    {
        private readonly Dictionary<string, string> _bearers = [];
        private readonly Dictionary<string, HubConnection> _hubs = [];
        private ApiClient _api = null!;
        private string _memberInvite = "";

        public string Community { get; private set; } = "";
        public string Document { get; private set; } = "";
        public string Session { get; private set; } = "";
        public string MainRoom { get; private set; } = "";
        public string MemberId { get; private set; } = "";

        public static async Task<World> CreateAsync(ApiClient api)
        {
            var world = new World { _api = api };
            var (community, invites) = await api.CreateCommunityAsync(GatewayFixture.AdminKey);
            world.Community = community;
            world._memberInvite = ApiClient.Text(invites, "member");
            world._bearers["admin"] = GatewayFixture.AdminKey;
            foreach (var role in new[] { "owner", "facilitator", "member", "observer" })
            {
                var (id, token) = await api.JoinAsync(ApiClient.Text(invites, role), $"The {role}");
                world._bearers[role] = token;
                if (role == "member")
                {
                    world.MemberId = id;
                }
            }
            var (_, otherInvites) = await api.CreateCommunityAsync(GatewayFixture.AdminKey, "Other PLC");
            world._bearers["outsider"] = (await api.JoinAsync(ApiClient.Text(otherInvites, "owner"), "Outsider")).Token;

            world.Document = ApiClient.Text(await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/documents", new { title = "Plan" }, world._bearers["owner"]), "id");
            world.Session = await world.ScheduleAsync();
            var live = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/sessions/{world.Session}/start", new { }, world._bearers["owner"]);
            world.MainRoom = ApiClient.Text(live, "mainRoomId");
            return world;
        }

        public object NewSession() => new
        {
            title = "Weekly PLC",
            start = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd") + "T16:00",
            timeZone = "UTC",
            durationMinutes = 60,
            agenda = new[] { new { title = "Check-in", minutes = 10 } },
        };

        public async Task<string> ScheduleAsync() =>
            ApiClient.Text(await _api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{Community}/sessions", NewSession(), _bearers["owner"]), "id");

        /// <summary>A fresh live session; returns its main room.</summary>
        public async Task<string> LiveSessionRoomAsync()
        {
            var session = await ScheduleAsync();
            var live = await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/sessions/{session}/start", new { }, _bearers["owner"]);
            return ApiClient.Text(live, "mainRoomId");
        }

        /// <summary>A fresh help request by the member, in a fresh session's main room.</summary>
        public async Task<(string Room, long Request)> HelpRequestAsync()
        {
            var room = await LiveSessionRoomAsync();
            long request = 0;
            await HubAsync("member", async h => request = (await h.InvokeAsync<RoomState>("AskForHelp", room, "Stuck")).Help[0].Id);
            return (room, request);
        }

        /// <summary>A fresh live session the member has joined.</summary>
        public async Task<string> LiveSessionWithMemberAsync()
        {
            var session = await ScheduleAsync();
            await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/sessions/{session}/start", new { }, _bearers["owner"]);
            await HubAsync("member", h => h.InvokeAsync<SessionState>("JoinSession", session));
            return session;
        }

        /// <summary>A breakout room of a fresh live session, holding only a newcomer (so no caller in the table is in it).</summary>
        public async Task<string> BreakoutRoomWithoutOthersAsync()
        {
            var newcomer = (await _api.JoinAsync(_memberInvite, "Newcomer")).Token;
            var session = await ScheduleAsync();
            await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/sessions/{session}/start", new { }, _bearers["owner"]);
            await using var connection = LiveConnection.Create(_api.BaseAddress, () => newcomer);
            await connection.StartAsync();
            await connection.InvokeAsync<SessionState>("JoinSession", session);
            string room = "";
            await HubAsync("owner", async h => room = (await h.InvokeAsync<SessionState>("OpenBreakouts", session,
                new { rooms = 1, assignment = "auto", minutes = 5 })).Breakout!.Rooms[0].RoomId.ToString());
            return room;
        }

        public async Task<string> NewMemberAsync() => (await _api.JoinAsync(_memberInvite, "Newcomer")).MemberId;

        /// <summary>Everything about the community a refused call must not change.</summary>
        public async Task<string> SnapshotAsync()
        {
            var community = await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{Community}", bearer: GatewayFixture.AdminKey);
            var document = await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{Document}", bearer: GatewayFixture.AdminKey);
            var room = await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/rooms/{MainRoom}", bearer: GatewayFixture.AdminKey);
            return community.ToJsonString() + document["version"] + room["chat"]!.ToJsonString();
        }

        public async Task<bool> RestAsync(HttpMethod method, string path, object? body, string caller)
        {
            using var response = await _api.SendAsync(method, path, body ?? (method == HttpMethod.Get ? null : new { }), _bearers[caller]);
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Forbidden,
                $"{method} {path} by {caller}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode;
        }

        public async Task<bool> HubAsync(string caller, Func<HubConnection, Task> call)
        {
            if (!_hubs.TryGetValue(caller, out var hub))
            {
                var bearer = _bearers[caller];
                hub = LiveConnection.Create(_api.BaseAddress, () => bearer);
                await hub.StartAsync();
                _hubs[caller] = hub;
            }
            try
            {
                await call(hub);
                return true;
            }
            catch (Exception error) when (HubError.Code(error) == "Forbidden")
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var hub in _hubs.Values)
            {
                await hub.DisposeAsync();
            }
        }
    }
}
