using CopLive.Grains.Communities;
using CopLive.Grains.Ids;
using CopLive.Silo.Grains.Communities;
using NodaTime;

namespace CopLive.Silo.Access;

/// <summary>
/// A grain's short-lived copy of who is a member of its community and in what role: every call is checked, but
/// not every call costs a call to the community. One rule keeps it honest: an entry lives
/// <see cref="Lifetime"/> at most, and the community drops it at once (<see cref="Forget"/>) when it bans,
/// demotes or removes the member.
/// </summary>
internal sealed class MemberRoles(ICommunityGrainInternal community, IClock clock)
{
    /// <summary>How long a looked-up membership is trusted without asking the community again.</summary>
    public static readonly Duration Lifetime = Duration.FromSeconds(5);

    private readonly Dictionary<MemberId, (CommunityMember? Member, Instant FetchedAt)> _cached = [];

    /// <summary>The member's membership, or null when they are not (or no longer) a member.</summary>
    public async Task<CommunityMember?> MemberAsync(MemberId member)
    {
        var now = clock.GetCurrentInstant();
        if (_cached.TryGetValue(member, out var cached) && now - cached.FetchedAt < Lifetime)
        {
            return cached.Member;
        }
        var fresh = await community.GetMemberAsync(member);
        _cached[member] = (fresh, now);
        return fresh;
    }

    /// <summary>Drops what is known of a member, so the next call asks the community.</summary>
    public void Forget(MemberId member) => _cached.Remove(member);
}
