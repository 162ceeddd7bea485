using System.Collections.Immutable;
using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Members;

/// <summary>A person's profile.</summary>
/// <param name="Id">The member.</param>
/// <param name="DisplayName">The name others see.</param>
/// <param name="TimeZone">IANA zone their times are shown in.</param>
/// <param name="Communities">Communities they belong to, in joining order.</param>
/// <param name="CreatedAt">When they first joined.</param>
[GenerateSerializer, Immutable, Alias("coplive.MemberProfile")]
public sealed record MemberProfile(
    [property: Id(0)] MemberId Id,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] ImmutableArray<CommunityId> Communities,
    [property: Id(4)] Instant CreatedAt);
