using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Rooms;

/// <summary>A member's request for a facilitator's help.</summary>
[GenerateSerializer, Immutable, Alias("coplive.HelpRequest")]
public sealed record HelpRequest(
    [property: Id(0)] long Id,
    [property: Id(1)] MemberId Member,
    [property: Id(2)] string Name,
    [property: Id(3)] string? Note,
    [property: Id(4)] Instant At,
    [property: Id(5)] HelpStatus Status,
    [property: Id(6)] MemberId? ClaimedBy,
    [property: Id(7)] string? ClaimedByName,
    [property: Id(8)] Instant? ResolvedAt);
