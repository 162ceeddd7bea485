using System.Text.Json;
using CopLive.Collab.Text;
using CopLive.Gateway.Api;
using CopLive.Gateway.Auth;
using CopLive.Gateway.Fanout;
using CopLive.Gateway.Observability;
using CopLive.Gateway.Wire;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CopLive.Gateway.Hubs;

/// <summary>
/// <c>/hubs/live</c>: co-editing for participants. The hub only establishes who is calling and moves messages;
/// every right is decided by the grains. Method and event names are the public protocol (docs/protocol.md).
/// </summary>
[Authorize]
public sealed class LiveHub(IGrainFactory grains, DocumentFanout fanout, SessionFanout sessions, RoomFanout rooms, MemberConnections members, GatewayMetrics metrics) : ModerationHub<ILiveClient>(grains), ILiveHub
{
    private const string CountedKey = "coplive.counted";

    /// <summary>Subscribes this connection to the document, then returns its text, version and cursors.</summary>
    public async Task<OpenedDocument> OpenDocument(string documentId)
    {
        var id = ParseDocument(documentId);
        var caller = Caller;

        // Subscribe before reading, so no op can fall between the snapshot and the stream.
        await fanout.JoinAsync(Groups, Context.ConnectionId, id);
        try
        {
            var opened = await Grains.GetDocument(id).OpenAsync(caller);
            var d = opened.Document;
            return new OpenedDocument(id.Value, d.Title, d.Version, d.Text, [.. opened.Cursors.Select(c => c.ToWire())], d.Locked);
        }
        catch
        {
            await fanout.LeaveAsync(Groups, Context.ConnectionId, id);
            throw;
        }
    }

    /// <summary>Submits an op made on <paramref name="baseVersion"/>; returns the version it produced, once stored.</summary>
    public async Task<SubmitReply> SubmitOp(string documentId, string clientId, long seq, long baseVersion, [JsonShape(typeof(TextOp))] JsonElement op)
    {
        var id = ParseDocument(documentId);
        var parsed = TextOpJson.Parse(op);
        var version = await Grains.GetDocument(id).SubmitAsync(Caller, new OpSubmission(clientId, seq, baseVersion, parsed));
        return new SubmitReply(version);
    }

    /// <summary>Committed ops after <paramref name="fromVersion"/> (at most 1,000), for catch-up after a reconnect.</summary>
    public async Task<OpsReply> GetOps(string documentId, long fromVersion)
    {
        var id = ParseDocument(documentId);
        var page = await Grains.GetDocument(id).GetOpsAsync(Caller, fromVersion, 1_000);
        return new OpsReply(id.Value, page.HeadVersion, [.. page.Ops.Select(o => o.ToWire())]);
    }

    /// <summary>Places this connection's cursor, in code points of <paramref name="version"/>.</summary>
    public Task MoveCursor(string documentId, long version, int anchor, int head) =>
        Grains.GetDocument(ParseDocument(documentId)).MoveCursorAsync(Caller, Context.ConnectionId, version, anchor, head);

    /// <summary>Stops receiving the document's events and removes this connection's cursor.</summary>
    public async Task CloseDocument(string documentId)
    {
        var id = ParseDocument(documentId);
        await fanout.LeaveAsync(Groups, Context.ConnectionId, id);
        await Grains.GetDocument(id).RemoveCursorAsync(Caller, Context.ConnectionId);
    }

    /// <summary>
    /// Joins the live session (this connection counts toward the member's presence) and subscribes it to the
    /// session's events; returns the complete state. Calling it again after a reconnect returns what was missed.
    /// </summary>
    public async Task<SessionState> JoinSession(string sessionId)
    {
        var id = ParseSession(sessionId);
        await sessions.JoinAsync(Context.ConnectionId, id);
        try
        {
            return (await Grains.GetSession(id).JoinAsync(Caller, Context.ConnectionId)).ToWire();
        }
        catch
        {
            await sessions.LeaveAsync(Context.ConnectionId, id);
            throw;
        }
    }

    /// <summary>Leaves the live session.</summary>
    public async Task LeaveSession(string sessionId)
    {
        var id = ParseSession(sessionId);
        await sessions.LeaveAsync(Context.ConnectionId, id);
        await Grains.GetSession(id).LeaveAsync(Caller, Context.ConnectionId);
    }

    /// <summary>Opens the meeting (facilitators and owners).</summary>
    public async Task<SessionState> StartSession(string sessionId) =>
        (await Grains.GetSession(ParseSession(sessionId)).StartAsync(Caller)).ToWire();

    /// <summary>Starts the agenda's first phase.</summary>
    public async Task<SessionState> StartAgenda(string sessionId) =>
        (await Grains.GetSession(ParseSession(sessionId)).StartAgendaAsync(Caller)).ToWire();

    /// <summary>Moves on to the next phase.</summary>
    public async Task<SessionState> AdvancePhase(string sessionId) =>
        (await Grains.GetSession(ParseSession(sessionId)).AdvancePhaseAsync(Caller)).ToWire();

    /// <summary>Pauses the countdown.</summary>
    public async Task<SessionState> PausePhase(string sessionId) =>
        (await Grains.GetSession(ParseSession(sessionId)).PausePhaseAsync(Caller)).ToWire();

    /// <summary>Resumes the countdown.</summary>
    public async Task<SessionState> ResumePhase(string sessionId) =>
        (await Grains.GetSession(ParseSession(sessionId)).ResumePhaseAsync(Caller)).ToWire();

    /// <summary>Opens a breakout round (facilitators and owners).</summary>
    public async Task<SessionState> OpenBreakouts(string sessionId, OpenBreakoutsRequest request)
    {
        var spec = new BreakoutSpec(
            request.Rooms ?? 0,
            [.. request.Names ?? []],
            request.Assignment.ToGrain(),
            request.Minutes,
            [.. (request.Assignments ?? []).Select(a => new RoomAssignment(new MemberId(a.MemberId), a.Room))]);
        return (await Grains.GetSession(ParseSession(sessionId)).OpenBreakoutsAsync(Caller, spec)).ToWire();
    }

    /// <summary>Picks a room in a self-select round.</summary>
    public async Task<SessionState> ChooseRoom(string sessionId, string roomId) =>
        (await Grains.GetSession(ParseSession(sessionId)).ChooseRoomAsync(Caller, ParseRoom(roomId))).ToWire();

    /// <summary>Names the member who records decisions and action items, or nobody (facilitators and owners).</summary>
    public async Task<SessionState> SetRecorder(string sessionId, string? memberId) =>
        (await Grains.GetSession(ParseSession(sessionId)).SetRecorderAsync(Caller, memberId is null ? null : new MemberId(ParseGuid(memberId, "memberId")))).ToWire();

    /// <summary>Marks a decision of the live meeting (facilitators, owners, the recorder).</summary>
    public async Task<SessionState> AddDecision(string sessionId, string text) =>
        (await Grains.GetSession(ParseSession(sessionId)).AddDecisionAsync(Caller, text)).ToWire();

    /// <summary>Marks an action item of the live meeting (facilitators, owners, the recorder).</summary>
    public async Task<SessionState> AddActionItem(string sessionId, ActionItemRequest request) =>
        (await Grains.GetSession(ParseSession(sessionId)).AddActionItemAsync(
            Caller, request.Text, request.OwnerId is { } owner ? new MemberId(owner) : null, TimeText.ParseOptionalDate("due", request.Due))).ToWire();

    /// <summary>Marks an action item done, or open again (facilitators, owners, the recorder).</summary>
    public async Task<SessionState> SetActionItemDone(string sessionId, string itemId, bool done) =>
        (await Grains.GetSession(ParseSession(sessionId)).SetActionItemDoneAsync(Caller, ParseGuid(itemId, "itemId"), done)).ToWire();

    /// <summary>Takes back a decision or action item marked by mistake (facilitators, owners, the recorder).</summary>
    public async Task<SessionState> RemoveMinutesEntry(string sessionId, string entryId) =>
        (await Grains.GetSession(ParseSession(sessionId)).RemoveMinutesEntryAsync(Caller, ParseGuid(entryId, "entryId"))).ToWire();

    /// <summary>Starts following a room this caller may read; returns its state.</summary>
    public async Task<RoomState> OpenRoom(string roomId)
    {
        var caller = Caller;
        var grain = Grains.GetRoom(ParseRoom(roomId));
        var room = await grain.GetAsync(caller);
        if (await rooms.FollowAsync(Context.ConnectionId, caller.Member, room) && !caller.IsAdmin)
        {
            // A facilitator looking into a room they are not in: its members see that someone is watching.
            room = await grain.WatchAsync(caller, Context.ConnectionId, true);
        }
        return room.ToWire();
    }

    /// <summary>Stops following a room (and watching it, for a facilitator who was).</summary>
    public async Task CloseRoom(string roomId)
    {
        var id = ParseRoom(roomId);
        if (await rooms.UnfollowAsync(Context.ConnectionId, id) && !Caller.IsAdmin)
        {
            await Grains.GetRoom(id).WatchAsync(Caller, Context.ConnectionId, false);
        }
    }

    /// <summary>Posts to a room's chat (1–2,000 characters).</summary>
    public async Task<RoomState> SendChat(string roomId, string text, string messageId) =>
        (await Grains.GetRoom(ParseRoom(roomId)).SendChatAsync(Caller, text, ParseGuid(messageId, "messageId"))).ToWire();

    /// <summary>Raises or lowers the caller's hand.</summary>
    public async Task<RoomState> SetHand(string roomId, bool raised) =>
        (await Grains.GetRoom(ParseRoom(roomId)).SetHandAsync(Caller, raised)).ToWire();

    /// <summary>Asks a facilitator for help.</summary>
    public async Task<RoomState> AskForHelp(string roomId, string? note) =>
        (await Grains.GetRoom(ParseRoom(roomId)).AskForHelpAsync(Caller, note)).ToWire();

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.ToCaller() is { IsAdmin: false } caller && !await members.ConnectedAsync(Context, caller.Member))
        {
            Context.Abort();
            return;
        }
        metrics.ParticipantConnected();
        Context.Items[CountedKey] = true;
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.Remove(CountedKey))
        {
            metrics.ParticipantDisconnected();
        }
        var caller = Context.User?.ToCaller();
        await members.DisconnectedAsync(Context.ConnectionId);
        foreach (var watched in await rooms.UnfollowAllAsync(Context.ConnectionId))
        {
            if (caller is { IsAdmin: false })
            {
                await Grains.GetRoom(watched).WatchAsync(caller, Context.ConnectionId, false);
            }
        }
        foreach (var session in await sessions.LeaveAllAsync(Context.ConnectionId))
        {
            if (caller is not null)
            {
                await Grains.GetSession(session).LeaveAsync(caller, Context.ConnectionId);
            }
        }
        foreach (var document in await fanout.LeaveAllAsync(Context.ConnectionId))
        {
            if (caller is not null)
            {
                await Grains.GetDocument(document).RemoveCursorAsync(caller, Context.ConnectionId);
            }
        }
        await base.OnDisconnectedAsync(exception);
    }
}
