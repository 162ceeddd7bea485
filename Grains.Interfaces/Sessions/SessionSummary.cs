using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Sessions;

/// <summary>A session as listed by its community: enough to show a schedule without asking the session.</summary>
/// <param name="Id">The session.</param>
/// <param name="Community">Its community.</param>
/// <param name="Title">Its title.</param>
/// <param name="Start">When it starts.</param>
/// <param name="End">When it is planned to end.</param>
/// <param name="TimeZone">The zone it was scheduled in.</param>
/// <param name="LocalStart">The start as scheduled, in <paramref name="TimeZone"/>.</param>
/// <param name="Status">Where it is in its life.</param>
[GenerateSerializer, Immutable, Alias("coplive.SessionSummary")]
public sealed record SessionSummary(
    [property: Id(0)] SessionId Id,
    [property: Id(1)] CommunityId Community,
    [property: Id(2)] string Title,
    [property: Id(3)] Instant Start,
    [property: Id(4)] Instant End,
    [property: Id(5)] string TimeZone,
    [property: Id(6)] LocalDateTime LocalStart,
    [property: Id(7)] SessionStatus Status);
