using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;

namespace CopLive.Gateway.Moderation;

/// <summary>
/// What a console may watch: everything for the administrator, otherwise the communities the member facilitates
/// or owns. It only filters what is shown; each action is still decided by the grains.
/// </summary>
public sealed record ModeratorScope(Caller Caller, string Name, IReadOnlySet<CommunityId> Communities)
{
    /// <summary>True when the console may see this community.</summary>
    public bool Includes(CommunityId community) => Caller.IsAdmin || Communities.Contains(community);

    /// <summary>Works out a caller's scope; refuses members who moderate no community.</summary>
    public static async Task<ModeratorScope> ResolveAsync(IGrainFactory grains, Caller caller)
    {
        if (caller.IsAdmin)
        {
            return new ModeratorScope(caller, "admin", new HashSet<CommunityId>());
        }
        var profile = await grains.GetMember(caller.Member).GetProfileAsync(caller)
            ?? throw CopLiveException.Forbidden("This member token belongs to no member.");
        var members = await Task.WhenAll(profile.Communities.Select(async c => (Community: c, Member: await grains.GetCommunity(c).GetMembershipAsync(caller))));
        var moderated = members.Where(m => m.Member is { Role: >= CommunityRole.Facilitator }).Select(m => m.Community).ToHashSet();
        if (moderated.Count == 0)
        {
            throw CopLiveException.Forbidden("The console is for facilitators and owners; this member facilitates no community.");
        }
        return new ModeratorScope(caller, profile.DisplayName, moderated);
    }
}
