namespace CopLive.Gateway.Api.Contracts;

/// <summary>Body of <c>POST /api/communities/{id}/sessions</c>.</summary>
/// <param name="Title">What the meeting is about.</param>
/// <param name="Start">Wall-clock start in <paramref name="TimeZone"/>, e.g. <c>2026-12-01T16:00</c>.</param>
/// <param name="TimeZone">IANA zone of <paramref name="Start"/>.</param>
/// <param name="DurationMinutes">Length of the meeting.</param>
/// <param name="Agenda">Timed phases, in order.</param>
/// <param name="AutoAdvance">Whether a phase whose time is up moves on by itself (default) or waits for the facilitator.</param>
public sealed record ScheduleSessionBody(
    string? Title,
    string? Start,
    string? TimeZone,
    int? DurationMinutes,
    IReadOnlyList<AgendaItemBody?>? Agenda,
    bool? AutoAdvance = null);

/// <summary>One phase of an agenda.</summary>
public sealed record AgendaItemBody(string? Title, int? Minutes, string? SpeakingRule = null);
