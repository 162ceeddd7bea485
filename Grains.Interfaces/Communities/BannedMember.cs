using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Communities;

/// <summary>
/// Someone banned from a community, as its owners see them to lift the ban: the name they had then and when.
/// Bans from before names were kept have neither (<see cref="DisplayName"/> null).
/// </summary>
[GenerateSerializer, Immutable, Alias("coplive.BannedMember")]
public sealed record BannedMember(
    [property: Id(0)] MemberId Member,
    [property: Id(1)] string? DisplayName,
    [property: Id(2)] Instant? BannedAt);
