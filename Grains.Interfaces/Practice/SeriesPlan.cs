using System.Collections.Immutable;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Grains.Practice;

/// <summary>A recurring meeting as validated by its community: the rhythm and what every meeting runs.</summary>
[GenerateSerializer, Immutable, Alias("coplive.SeriesPlan")]
public sealed record SeriesPlan(
    [property: Id(0)] CommunityId Community,
    [property: Id(1)] string Title,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] LocalDate FirstDate,
    [property: Id(4)] LocalTime Time,
    [property: Id(5)] int EveryWeeks,
    [property: Id(6)] int Occurrences,
    [property: Id(7)] Duration Duration,
    [property: Id(8)] ImmutableArray<AgendaItem> Agenda,
    [property: Id(9)] bool AutoAdvance,
    [property: Id(10)] bool StandingGroups,
    [property: Id(11)] MemberId CreatedBy,
    [property: Id(12)] Instant CreatedAt);
