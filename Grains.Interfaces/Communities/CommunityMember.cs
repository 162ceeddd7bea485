using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Communities;

/// <summary>One member as their community lists them.</summary>
[GenerateSerializer, Immutable, Alias("coplive.CommunityMember")]
public sealed record CommunityMember(
    [property: Id(0)] MemberId Member,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] CommunityRole Role,
    [property: Id(3)] Instant JoinedAt);
