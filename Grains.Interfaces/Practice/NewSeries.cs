using System.Collections.Immutable;
using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Grains.Practice;

/// <summary>What a facilitator supplies to schedule a recurring meeting.</summary>
/// <param name="Title">1–200 characters; each session is titled after it.</param>
/// <param name="FirstDate">The date of the first meeting; the series meets on that weekday.</param>
/// <param name="Time">The wall-clock time of every meeting, in <paramref name="TimeZone"/>; it holds across changes of clocks.</param>
/// <param name="TimeZone">IANA zone of <paramref name="Time"/>; null for the community's zone.</param>
/// <param name="EveryWeeks">1 for weekly, 2 for every other week, up to 8.</param>
/// <param name="Occurrences">How many meetings, 2–52.</param>
/// <param name="DurationMinutes">Length of each meeting; null for the length of its agenda.</param>
/// <param name="Agenda">The agenda every meeting runs.</param>
/// <param name="Template">A protocol template whose agenda every meeting runs, instead of <paramref name="Agenda"/>.</param>
/// <param name="AutoAdvance">Whether phases move on by themselves.</param>
/// <param name="StandingGroups">Whether breakout rooms keep the same people from meeting to meeting.</param>
[GenerateSerializer, Immutable, Alias("coplive.NewSeries")]
public sealed record NewSeries(
    [property: Id(0)] string Title,
    [property: Id(1)] LocalDate FirstDate,
    [property: Id(2)] LocalTime Time,
    [property: Id(3)] string? TimeZone,
    [property: Id(4)] int EveryWeeks,
    [property: Id(5)] int Occurrences,
    [property: Id(6)] int? DurationMinutes,
    [property: Id(7)] ImmutableArray<AgendaItem> Agenda,
    [property: Id(8)] string? Template = null,
    [property: Id(9)] bool AutoAdvance = true,
    [property: Id(10)] bool StandingGroups = false);
