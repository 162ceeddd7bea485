using CopLive.Grains.Ids;
using CopLive.Grains.Members;

namespace CopLive.Grains.Communities;

/// <summary>The outcome of a successful join.</summary>
/// <param name="Community">The community joined.</param>
/// <param name="Role">The member's role in it now (a member re-joining with a lesser invite keeps the higher role).</param>
/// <param name="Profile">The member's profile.</param>
[GenerateSerializer, Immutable, Alias("coplive.JoinedCommunity")]
public sealed record JoinedCommunity(
    [property: Id(0)] CommunityId Community,
    [property: Id(1)] CommunityRole Role,
    [property: Id(2)] MemberProfile Profile);
