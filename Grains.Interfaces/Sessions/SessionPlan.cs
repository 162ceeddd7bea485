using System.Collections.Immutable;
using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Sessions;

/// <summary>A validated schedule, handed by a community to the session grain it creates.</summary>
[GenerateSerializer, Immutable, Alias("coplive.SessionPlan")]
public sealed record SessionPlan(
    [property: Id(0)] CommunityId Community,
    [property: Id(1)] string Title,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] LocalDateTime LocalStart,
    [property: Id(4)] Instant Start,
    [property: Id(5)] Duration Duration,
    [property: Id(6)] ImmutableArray<AgendaItem> Agenda,
    [property: Id(7)] MemberId CreatedBy,
    [property: Id(8)] Instant CreatedAt,
    [property: Id(9)] DocumentId MainDocument = default,
    [property: Id(10)] bool AutoAdvance = true,
    [property: Id(11)] SeriesId Series = default,
    [property: Id(12)] int Occurrence = 0);
