using System.Collections.Immutable;
using CopLive.Gateway.Fanout;
using CopLive.Gateway.Auth;
using CopLive.Protocol.Rooms;
using CopLive.Gateway.Wire;
using CopLive.Gateway.Moderation;
using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Moderation;
using Microsoft.AspNetCore.Authorization;

namespace CopLive.Gateway.Hubs;

/// <summary>
/// <c>/hubs/admin</c>: the moderators' console. The admin key sees the whole server; a member token sees the
/// communities its member facilitates or owns. Everything a console does goes through the same grain calls, rights
/// checks and audit log as the participants' hub (see <see cref="ModerationHub{TClient}"/>).
/// </summary>
[Authorize]
public sealed class AdminHub(IGrainFactory grains, ModerationBoard board, DocumentFanout documents, RoomFanout rooms) : ModerationHub<IAdminClient>(grains), IAdminHub
{
    private const string WatchedRoomsKey = "coplive.watchedRooms";
    /// <summary>Most audit entries one call returns.</summary>
    public const int AuditLimit = 200;

    /// <summary>Starts this console's feed (<c>SessionBoard</c>, <c>CommunityChanged</c>, <c>Pulse</c>) and returns everything in its scope.</summary>
    public async Task<Board> OpenBoard()
    {
        var scope = await ModeratorScope.ResolveAsync(Grains, Caller);
        return await board.OpenAsync(Context.ConnectionId, scope);
    }

    /// <summary>Follows a document read-only: returns its text and contributors; its <c>DocumentOps</c> events follow.</summary>
    public async Task<WatchedDocument> WatchDocument(string documentId)
    {
        var id = ParseDocument(documentId);
        await documents.JoinAsync(Groups, Context.ConnectionId, id);
        try
        {
            var opened = await Grains.GetDocument(id).OpenAsync(Caller);
            var d = opened.Document;
            return new WatchedDocument(id.Value, d.Title, d.Version, d.Text, d.Locked, await ContributorsAsync(id, d.Community));
        }
        catch
        {
            await documents.LeaveAsync(Groups, Context.ConnectionId, id);
            throw;
        }
    }

    /// <summary>Stops following a document.</summary>
    public Task UnwatchDocument(string documentId) => documents.LeaveAsync(Groups, Context.ConnectionId, ParseDocument(documentId));

    /// <summary>Who wrote a document, most present text first.</summary>
    public async Task<IReadOnlyList<Contributor>> GetContributors(string documentId)
    {
        var id = ParseDocument(documentId);
        var view = await Grains.GetDocument(id).GetAtVersionAsync(Caller, null);
        return await ContributorsAsync(id, view.Community);
    }

    /// <summary>
    /// The newest audit entries (at most <paramref name="limit"/>, 1–200) of one community, or of every community
    /// in this console's scope when <paramref name="communityId"/> is null, newest first.
    /// </summary>
    public async Task<IReadOnlyList<AuditRow>> GetAudit(string? communityId, int limit)
    {
        if (limit is < 1 or > AuditLimit)
        {
            throw CopLiveException.Invalid("limit", $"'limit' must be between 1 and {AuditLimit}; it was {limit}.");
        }
        // The directory names every community, so each page costs one grain call (its rights check included).
        var names = (await Grains.GetDirectory().GetAsync()).Communities.ToDictionary(c => c.Id, c => c.Name);
        IEnumerable<CommunityId> communities = communityId is not null
            ? [new CommunityId(ParseGuid(communityId, "communityId"))]
            : Caller.IsAdmin ? names.Keys : (await ModeratorScope.ResolveAsync(Grains, Caller)).Communities;
        var pages = await Task.WhenAll(communities.Select(async c =>
        {
            var entries = await Grains.GetCommunity(c).GetAuditAsync(Caller, null, limit);
            var name = names.GetValueOrDefault(c, "");
            return entries.Select(e => new AuditRow(c.Value, name, e.Id, e.At, e.ActorName, e.Action, e.TargetName, e.Detail, e.Reason, e.Outcome));
        }));
        return [.. pages.SelectMany(p => p).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit)];
    }

    /// <summary>Looks into a room this caller may read (a facilitator: any room of their communities); its events follow.</summary>
    public async Task<RoomState> WatchRoom(string roomId)
    {
        var id = ParseRoom(roomId);
        var grain = Grains.GetRoom(id);
        var room = await grain.GetAsync(Caller);
        await rooms.FollowFromConsoleAsync(Context.ConnectionId, id);
        WatchedRooms.Add(id);
        return (Caller.IsAdmin ? room : await grain.WatchAsync(Caller, Context.ConnectionId, true)).ToWire();
    }

    /// <summary>Stops looking into a room.</summary>
    public async Task UnwatchRoom(string roomId)
    {
        var id = ParseRoom(roomId);
        if (WatchedRooms.Remove(id))
        {
            await StopWatchingAsync(id);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        board.Close(Context.ConnectionId);
        await documents.LeaveAllAsync(Context.ConnectionId);
        foreach (var room in WatchedRooms.ToList())
        {
            await StopWatchingAsync(room);
        }
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>The rooms this console connection looks into, kept with the connection.</summary>
    private HashSet<RoomId> WatchedRooms =>
        Context.Items.TryGetValue(WatchedRoomsKey, out var rooms) ? (HashSet<RoomId>)rooms! : (HashSet<RoomId>)(Context.Items[WatchedRoomsKey] = new HashSet<RoomId>());

    private async Task StopWatchingAsync(RoomId room)
    {
        await rooms.UnfollowFromConsoleAsync(Context.ConnectionId, room);
        if (Context.User?.ToCaller() is { IsAdmin: false } caller)
        {
            await Grains.GetRoom(room).WatchAsync(caller, Context.ConnectionId, false);
        }
    }

    private async Task<IReadOnlyList<Contributor>> ContributorsAsync(DocumentId document, CommunityId community)
    {
        var authorship = await Grains.GetDocument(document).GetAuthorshipAsync(Caller);
        var members = (await Grains.GetCommunity(community).GetAsync(Caller)).Members.ToDictionary(m => m.Member, m => m.DisplayName);
        return [.. authorship.Contributions
            .OrderByDescending(c => c.Present).ThenByDescending(c => c.Ops)
            .Select(c => new Contributor(c.Member.Value, members.GetValueOrDefault(c.Member) ?? "(former member)", c.Present, c.Inserted, c.Deleted, c.Ops))];
    }
}
