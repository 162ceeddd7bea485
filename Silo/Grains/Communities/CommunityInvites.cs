using CopLive.Grains.Communities;
using CopLive.Grains.Ids;
using CopLive.Grains.Invites;
using NodaTime;

namespace CopLive.Silo.Grains.Communities;

/// <summary>
/// Issuing a community's invite codes: each code is registered with its invite grain (which finds the community
/// from the code) before the community's <see cref="InviteBook"/> lists its hash, so a crash in between leaves a
/// registration pointing at no listed code, never a listed code that cannot be found. The community stores its
/// state after each change.
/// </summary>
internal sealed class CommunityInvites(IGrainFactory grains, CommunityId community, InviteBook book)
{
    /// <summary>One new code for every role an invite grants.</summary>
    public async Task<InviteCodes> IssueAllAsync(Instant now)
    {
        var codes = new Dictionary<CommunityRole, InviteCode>();
        foreach (var role in InviteBook.Roles)
        {
            codes[role] = await IssueAsync(role, now);
        }
        return new InviteCodes(
            codes[CommunityRole.Owner].ToString(),
            codes[CommunityRole.Facilitator].ToString(),
            codes[CommunityRole.Member].ToString(),
            codes[CommunityRole.Observer].ToString());
    }

    /// <summary>Revokes the role's active code and issues a fresh one.</summary>
    public Task<InviteCode> RotateAsync(CommunityRole role, Instant now)
    {
        book.RevokeActive(role, now);
        return IssueAsync(role, now);
    }

    private async Task<InviteCode> IssueAsync(CommunityRole role, Instant now)
    {
        var code = InviteCode.New();
        await grains.GetInviteInternal(code).RegisterAsync(community);
        book.Add(role, code.Hash, now);
        return code;
    }
}
