using CopLive.Gateway.Wire;
using CopLive.Grains.Sessions;
using AgendaPhase = CopLive.Protocol.Sessions.AgendaPhase;
using NodaTime;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>
/// A session: its start both as an instant and as the local time it was scheduled in; <c>mainRoomId</c> (whose chat
/// <c>GET /api/rooms/{id}</c> reads) once it has been started.
/// </summary>
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
    IReadOnlyList<AgendaPhase> Agenda,
    Instant CreatedAt,
    Guid MainDocumentId,
    bool AutoAdvance,
    Guid? MainRoomId)
{
    public static SessionResponse From(SessionDetails details)
    {
        var s = details.Summary;
        return new SessionResponse(
            s.Id.Value, s.Community.Value, s.Title, s.Status, s.TimeZone, TimeText.Local(s.LocalStart), s.Start, s.End,
            (int)details.Duration.TotalMinutes, [.. details.Agenda.Select(a => a.ToWire())],
            details.CreatedAt, details.MainDocument.Value, details.AutoAdvance,
            details.MainRoom == default ? null : details.MainRoom.Value);
    }
}
