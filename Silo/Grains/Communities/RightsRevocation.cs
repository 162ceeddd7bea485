using CopLive.Grains.Documents;
using CopLive.Grains.Ids;

namespace CopLive.Silo.Grains.Communities;

/// <summary>
/// Makes a lowered or lost membership bite at once. Every grain asks the community about rights, but documents
/// cache a member's role for a few seconds (<see cref="Access.MemberRoles"/>) and open connections stay open until
/// told; this tells them.
/// </summary>
internal sealed class RightsRevocation(IGrainFactory grains, CommunityId community, IEnumerable<DocumentSummary> documents)
{
    /// <summary>Drops the member's cached role in every document of the community.</summary>
    public Task ForgetCachedAsync(MemberId member) =>
        Task.WhenAll(documents.Select(d => grains.GetDocumentInternal(d.Id).ForgetMemberAsync(member)));

    /// <summary>The member is out: cached rights dropped, their profile updated, their open connections closed with <paramref name="reason"/>.</summary>
    public async Task CutOffAsync(MemberId member, string reason)
    {
        await ForgetCachedAsync(member);
        var profile = grains.GetMemberInternal(member);
        await profile.LeftCommunityAsync(community);
        await profile.RevokeAccessAsync(reason);
    }
}
