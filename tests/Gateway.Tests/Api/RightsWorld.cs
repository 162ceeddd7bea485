using System.Net;
using CopLive.Client.Live;
using CopLive.GatewayHarness;
using CopLive.Protocol.Errors;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Gateway.Tests.Api;

/// <summary>
/// A community with a caller of every kind for <see cref="RightsTableTests"/>: the administrator, an owner, a
/// facilitator, a member, an observer, a member of another community, a banned member, and a member removed from the
/// community's live session; a document, and that session with its main room.
/// </summary>
internal sealed class World : IAsyncDisposable
{
    private readonly Dictionary<string, string> _bearers = [];
    private readonly Dictionary<(string Caller, string Hub), HubConnection> _hubs = [];
    private ApiClient _api = null!;
    private string _memberInvite = "";
    private string? _freshDocument;

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

        var (banned, bannedToken) = await api.JoinAsync(world._memberInvite, "The banned");
        world._bearers["banned"] = bannedToken;
        await api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, $"/api/communities/{community}/members/{banned}/ban", new { reason = "Spam" }, world._bearers["owner"]);

        world.Document = ApiClient.Text(await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/documents", new { title = "Plan" }, world._bearers["owner"]), "id");
        world.Session = await world.ScheduleAsync();
        var live = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/sessions/{world.Session}/start", new { }, world._bearers["owner"]);
        world.MainRoom = ApiClient.Text(live, "mainRoomId");

        var (removed, removedToken) = await api.JoinAsync(world._memberInvite, "The removed");
        world._bearers["removed"] = removedToken;
        await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/sessions/{world.Session}/members/{removed}/remove", new { reason = "Disrupting" }, world._bearers["owner"]);
        return world;
    }

    public object NewSession() => new
    {
        title = "Weekly PLC",
        start = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd") + "T16:00",
        timeZone = "UTC",
        durationMinutes = 60,
        agenda = new[] { new { title = "Check-in", minutes = 10 }, new { title = "Tuning", minutes = 30 } },
    };

    public async Task<string> ScheduleAsync() =>
        ApiClient.Text(await _api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{Community}/sessions", NewSession(), _bearers["owner"]), "id");

    /// <summary>A fresh live session.</summary>
    public async Task<string> LiveSessionAsync()
    {
        var session = await ScheduleAsync();
        await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/sessions/{session}/start", new { }, _bearers["owner"]);
        return session;
    }

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
        await HubAsync("member", async h => request = (await h.InvokeAsync<RoomState>(nameof(ILiveHub.AskForHelp), room, "Stuck")).Help[0].Id);
        return (room, request);
    }

    /// <summary>A fresh live session the member has joined.</summary>
    public async Task<string> LiveSessionWithMemberAsync()
    {
        var session = await LiveSessionAsync();
        await HubAsync("member", h => h.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session));
        return session;
    }

    /// <summary>
    /// A fresh live session every participant of the world has joined, with a round open: two rooms, the member in the
    /// first and the observer in the second for <c>manual</c>; one room for <c>self</c>.
    /// </summary>
    public async Task<(string Session, string[] Rooms)> OpenRoundAsync(string assignment)
    {
        var session = await LiveSessionAsync();
        foreach (var caller in new[] { "owner", "facilitator", "member", "observer", "removed" })
        {
            await HubAsync(caller, h => h.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session));
        }
        var observer = await ObserverIdAsync();
        object spec = assignment == "manual"
            ? new { rooms = 2, assignment, minutes = 10, assignments = new[] { new { memberId = MemberId, room = 0 }, new { memberId = observer, room = 1 } } }
            : new { rooms = 1, assignment, minutes = 10 };
        SessionState opened = null!;
        await HubAsync("owner", async h => opened = await h.InvokeAsync<SessionState>(nameof(ILiveHub.OpenBreakouts), session, spec));
        return (session, [.. opened.Breakout!.Rooms.Select(r => r.RoomId.ToString())]);
    }

    /// <summary>A breakout room of a fresh live session, holding only a newcomer (so no caller in the table is in it).</summary>
    public async Task<string> BreakoutRoomWithoutOthersAsync()
    {
        var newcomer = (await _api.JoinAsync(_memberInvite, "Newcomer")).Token;
        var session = await LiveSessionAsync();
        await using var connection = LiveConnection.Create(_api.BaseAddress, () => newcomer);
        await connection.StartAsync();
        await connection.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session);
        string room = "";
        await HubAsync("owner", async h => room = (await h.InvokeAsync<SessionState>(nameof(ILiveHub.OpenBreakouts), session,
            new { rooms = 1, assignment = "auto", minutes = 5 })).Breakout!.Rooms[0].RoomId.ToString());
        return room;
    }

    public async Task<string> NewMemberAsync() => (await _api.JoinAsync(_memberInvite, "Newcomer")).MemberId;

    /// <summary>A newcomer the owner banned.</summary>
    public async Task<string> BannedNewcomerAsync()
    {
        var member = await NewMemberAsync();
        await _api.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, $"/api/communities/{Community}/members/{member}/ban", new { }, _bearers["owner"]);
        return member;
    }

    /// <summary>A fresh unlocked document of the community (the snapshot watches it too).</summary>
    public async Task<string> NewDocumentAsync()
    {
        var document = ApiClient.Text(await _api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{Community}/documents", new { title = "Notes" }, _bearers["owner"]), "id");
        _freshDocument = document;
        return document;
    }

    /// <summary>A weekly series the owner scheduled just now (its first meeting scheduled); returns its id.</summary>
    public async Task<string> NewSeriesAsync() => ApiClient.Text(await _api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{Community}/series",
        NewSeries(), _bearers["owner"]), "id");

    /// <summary>A weekly series starting next week.</summary>
    public object NewSeries() => new
    {
        title = "Weekly PLC",
        firstDate = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd"),
        time = "16:00",
        occurrences = 3,
        durationMinutes = 60,
    };

    /// <summary>A protocol template the owner saved just now; returns its id.</summary>
    public async Task<string> NewTemplateAsync() => ApiClient.Text(await _api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{Community}/templates",
        new { name = $"Protocol {Guid.NewGuid():N}", agenda = new[] { new { title = "Talk", minutes = 5 } } }, _bearers["owner"]), "id");

    /// <summary>Makes a newcomer an owner too, so the world's owner is not the last one (and may leave).</summary>
    public async Task SecondOwnerAsync()
    {
        var member = await NewMemberAsync();
        await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/communities/{Community}/members/{member}/role", new { role = "owner" }, GatewayFixture.AdminKey);
    }

    /// <summary>Everything about the community a refused call must not change.</summary>
    public async Task<string> SnapshotAsync()
    {
        var community = await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{Community}", bearer: GatewayFixture.AdminKey);
        var document = await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{Document}", bearer: GatewayFixture.AdminKey);
        var room = await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/rooms/{MainRoom}", bearer: GatewayFixture.AdminKey);
        var session = await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{Session}/live", bearer: GatewayFixture.AdminKey);
        var templates = await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{Community}/templates", bearer: GatewayFixture.AdminKey);
        var fresh = _freshDocument is null ? null
            : (await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{_freshDocument}", bearer: GatewayFixture.AdminKey))["locked"];
        return community.ToJsonString() + document["version"] + document["locked"] + fresh?.ToJsonString()
            // Not who is present: that changes by itself, when a member's reconnect grace runs out.
            + room["chat"]!.ToJsonString() + room["hands"]!.ToJsonString() + session["muted"]?.ToJsonString() + templates.ToJsonString();
    }

    public async Task<bool> RestAsync(HttpMethod method, string path, object? body, string caller)
    {
        using var response = await _api.SendAsync(method, path, body ?? (method == HttpMethod.Get ? null : new { }), _bearers[caller]);
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Forbidden,
            $"{method} {path} by {caller}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.IsSuccessStatusCode;
    }

    /// <summary>Calls the live hub as <paramref name="caller"/>; false when refused as <c>Forbidden</c>.</summary>
    public Task<bool> HubAsync(string caller, Func<HubConnection, Task> call) => CallAsync(caller, "/hubs/live", call);

    /// <summary>Calls the consoles' hub as <paramref name="caller"/>; false when refused as <c>Forbidden</c>.</summary>
    public Task<bool> AdminHubAsync(string caller, Func<HubConnection, Task> call) => CallAsync(caller, "/hubs/admin", call);

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in _hubs.Values)
        {
            await hub.DisposeAsync();
        }
    }

    private async Task<string> ObserverIdAsync()
    {
        var me = await _api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/me", bearer: _bearers["observer"]);
        return ApiClient.Text(me, "memberId");
    }

    private async Task<bool> CallAsync(string caller, string path, Func<HubConnection, Task> call)
    {
        if (!_hubs.TryGetValue((caller, path), out var hub))
        {
            var bearer = _bearers[caller];
            hub = LiveConnection.Create(_api.BaseAddress, path, () => bearer);
            await hub.StartAsync();
            _hubs[(caller, path)] = hub;
        }
        try
        {
            await call(hub);
            return true;
        }
        catch (Exception error) when (HubError.Code(error) == RefusalCode.Forbidden)
        {
            return false;
        }
    }
}
