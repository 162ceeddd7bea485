using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Silo.Grains.Communities;

/// <summary>
/// Who belongs to a community and in what role, and the rules that keep it sound: a community always has an owner,
/// and no invite lets a banned person back in.
/// </summary>
internal sealed class Membership(CommunityState state)
{
    /// <summary>The member as the community lists them, or null.</summary>
    public CommunityMember? Find(MemberId member) =>
        state.Created && state.FindMember(member) is { } entry ? View(entry) : null;

    /// <summary>The entry of a member, or a refusal naming the field.</summary>
    public MemberEntry Entry(MemberId member) =>
        state.FindMember(member) ?? throw CopLiveException.Invalid("member", "That person is not a member of this community.");

    /// <summary>Refuses someone banned from the community, whatever invite they present.</summary>
    public void EnsureNotBanned(MemberId member)
    {
        if (state.Banned.Contains(member))
        {
            throw CopLiveException.Forbidden("You have been removed from this community.");
        }
    }

    /// <summary>Adds someone who presented <paramref name="invite"/>, or raises the role of a member who already is one.</summary>
    public MemberEntry Admit(MemberId member, InviteEntry invite, string displayName, Instant now)
    {
        var entry = state.FindMember(member);
        if (entry is null)
        {
            entry = new MemberEntry { Member = member, Role = invite.Role, JoinedAt = now, JoinedWith = invite.Hash };
            state.Members.Add(entry);
        }
        else if (invite.Role > entry.Role)
        {
            entry.Role = invite.Role;
        }
        entry.DisplayName = displayName;
        return entry;
    }

    /// <summary>Refuses to take away the last owner (<paramref name="refusal"/> says what was tried).</summary>
    public void EnsureNotLastOwner(MemberEntry entry, string refusal)
    {
        if (entry.Role == CommunityRole.Owner && state.Members.Count(m => m.Role == CommunityRole.Owner) == 1)
        {
            throw new CopLiveException(CopLiveError.Conflict, refusal);
        }
    }

    /// <summary>Takes a member out for good: they are banned.</summary>
    public void Ban(MemberEntry entry, Instant now)
    {
        state.Members.Remove(entry);
        state.Banned.Add(entry.Member);
        state.BanDetails.Add(new BannedMember(entry.Member, entry.DisplayName, now));
    }

    /// <summary>Lifts a ban; false when there was none.</summary>
    public bool Unban(MemberId member)
    {
        state.BanDetails.RemoveAll(b => b.Member == member);
        return state.Banned.Remove(member);
    }

    /// <summary>Everyone banned, newest first; a ban from before names were kept is listed by its id alone.</summary>
    public ImmutableArray<BannedMember> Bans()
    {
        var details = state.BanDetails.ToDictionary(b => b.Member);
        // Newest last in the set: reversed, a stable sort keeps bans of the same instant newest first.
        return [.. Enumerable.Reverse(state.Banned).Select(m => details.GetValueOrDefault(m) ?? new BannedMember(m, null, null))
            .OrderByDescending(b => b.BannedAt ?? Instant.MinValue)];
    }

    /// <summary>Everyone still in <paramref name="role"/> who joined with one of <paramref name="hashes"/> (never owners).</summary>
    public IReadOnlyList<MemberEntry> JoinedWith(IReadOnlySet<string> hashes, CommunityRole role) =>
        [.. state.Members.Where(m => m.JoinedWith is { } h && hashes.Contains(h) && m.Role == role && m.Role != CommunityRole.Owner)];

    /// <summary>Takes a member out (they left, or lost the invite they joined with).</summary>
    public void Remove(MemberEntry entry) => state.Members.Remove(entry);

    /// <summary>How a member is listed.</summary>
    public static CommunityMember View(MemberEntry entry) => new(entry.Member, entry.DisplayName, entry.Role, entry.JoinedAt);
}
