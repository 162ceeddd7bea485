using System.Collections.Immutable;
using CopLive.Gateway.Fanout;
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
public sealed class AdminHub(IGrainFactory grains, ModerationBoard board, DocumentFanout documents) : ModerationHub<IAdminClient>(grains), IAdminHub
{
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

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        board.Close(Context.ConnectionId);
        await documents.LeaveAllAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
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
