using CopLive.Grains.Communities;

namespace CopLive.Gateway.Moderation;

/// <summary>What the board knows of a community between refreshes: its name, zone and members.</summary>
internal sealed record CommunityFacts(string Name, string TimeZone, IReadOnlyDictionary<Grains.Ids.MemberId, CommunityMember> Members)
{
    public static CommunityFacts From(CommunityDetails details) =>
        new(details.Name, details.TimeZone, details.Members.ToDictionary(m => m.Member));
}
