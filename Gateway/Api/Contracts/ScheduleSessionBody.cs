using CopLive.Protocol.Sessions;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>Body of <c>POST /api/communities/{id}/sessions</c>.</summary>
/// <param name="Title">What the meeting is about.</param>
/// <param name="Start">Wall-clock start in <paramref name="TimeZone"/>, e.g. <c>2026-12-01T16:00</c>.</param>
/// <param name="TimeZone">IANA zone of <paramref name="Start"/>.</param>
/// <param name="DurationMinutes">Length of the meeting; with a template or an agenda, it may be left out for the agenda's length.</param>
/// <param name="Agenda">Timed phases, in order.</param>
/// <param name="AutoAdvance">Whether a phase whose time is up moves on by itself (default) or waits for the facilitator.</param>
/// <param name="Template">Id of a protocol template whose agenda the session runs (instead of <paramref name="Agenda"/>).</param>
/// <param name="FromDocumentId">A document of the community (a past meeting's plan, say) the new lesson plan starts from.</param>
public sealed record ScheduleSessionBody(
    string? Title,
    string? Start,
    string? TimeZone,
    int? DurationMinutes,
    IReadOnlyList<AgendaItemBody?>? Agenda,
    bool? AutoAdvance = null,
    string? Template = null,
    Guid? FromDocumentId = null);

/// <summary>One phase of an agenda.</summary>
/// <param name="Title">What the phase is.</param>
/// <param name="Minutes">How long it runs.</param>
/// <param name="SpeakingRule">Who speaks and how, shown to everyone.</param>
/// <param name="Prompt">The question or task of the phase, shown to everyone and seeded into each breakout room's notes.</param>
/// <param name="Breakout">Makes it a breakout phase.</param>
public sealed record AgendaItemBody(string? Title, int? Minutes, string? SpeakingRule = null, string? Prompt = null, PhaseBreakoutBody? Breakout = null);

/// <summary>The round of a breakout phase.</summary>
/// <param name="Rooms">How many rooms.</param>
/// <param name="Assignment"><c>auto</c> (the default) or <c>self</c>.</param>
public sealed record PhaseBreakoutBody(int? Rooms, BreakoutMode? Assignment = null);
