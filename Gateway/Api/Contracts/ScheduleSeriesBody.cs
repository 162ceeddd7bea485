namespace CopLive.Gateway.Api.Contracts;

/// <summary>Body of <c>POST /api/communities/{id}/series</c>: a recurring meeting.</summary>
/// <param name="Title">What the meetings are about.</param>
/// <param name="FirstDate">The first meeting's date, e.g. <c>2027-01-05</c>; the series meets on that weekday.</param>
/// <param name="Time">Every meeting's wall-clock start, e.g. <c>16:00</c>, in <paramref name="TimeZone"/>.</param>
/// <param name="TimeZone">IANA zone; the community's when left out.</param>
/// <param name="EveryWeeks">1 for weekly (the default), 2 for every other week, up to 8.</param>
/// <param name="Occurrences">How many meetings, 2–52.</param>
/// <param name="DurationMinutes">Each meeting's length; the agenda's when left out.</param>
/// <param name="Agenda">What every meeting runs.</param>
/// <param name="Template">A protocol template every meeting runs, instead of <paramref name="Agenda"/>.</param>
/// <param name="AutoAdvance">Whether phases move on by themselves (default true).</param>
/// <param name="StandingGroups">Whether breakout rooms keep the same people from meeting to meeting (default false).</param>
public sealed record ScheduleSeriesBody(
    string? Title,
    string? FirstDate,
    string? Time,
    string? TimeZone,
    int? EveryWeeks,
    int? Occurrences,
    int? DurationMinutes,
    IReadOnlyList<AgendaItemBody?>? Agenda,
    string? Template = null,
    bool? AutoAdvance = null,
    bool? StandingGroups = null);
