using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>A session: its start both as an instant and as the local time it was scheduled in.</summary>
public sealed record SessionResponse(
    Guid Id,
    Guid CommunityId,
    string Title,
    SessionStatus Status,
    string TimeZone,
    string StartLocal,
    Instant Start,
    Instant End,
    int DurationMinutes,
    IReadOnlyList<AgendaItemResponse> Agenda,
    Instant CreatedAt,
    Guid MainDocumentId,
    bool AutoAdvance)
{
    public static SessionResponse From(SessionDetails details)
    {
        var s = details.Summary;
        return new SessionResponse(
            s.Id.Value, s.Community.Value, s.Title, s.Status, s.TimeZone, TimeText.Local(s.LocalStart), s.Start, s.End,
            (int)details.Duration.TotalMinutes, [.. details.Agenda.Select(a => new AgendaItemResponse(a.Title, a.Minutes, a.SpeakingRule))],
            details.CreatedAt, details.MainDocument.Value, details.AutoAdvance);
    }
}

/// <summary>One phase of an agenda.</summary>
public sealed record AgendaItemResponse(string Title, int Minutes, string? SpeakingRule);
