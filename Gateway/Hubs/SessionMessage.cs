using CopLive.Grains.Communities;
using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Gateway.Hubs;

/// <summary>The <c>SessionChanged</c> event and the reply of session commands: the complete live state, numbered.</summary>
public sealed record SessionMessage(
    Guid SessionId,
    long Seq,
    string Title,
    SessionStatus Status,
    Instant? StartedAt,
    Instant? EndedAt,
    IReadOnlyList<AgendaPhaseMessage> Agenda,
    int Phase,
    AgendaStatus AgendaStatus,
    Instant? Deadline,
    double? RemainingSeconds,
    IReadOnlyList<ParticipantMessage> Present,
    Guid MainDocumentId,
    Guid MainRoomId,
    BreakoutMessage? Breakout,
    int RoundsClosed,
    IReadOnlyList<Guid> Muted)
{
    public static SessionMessage From(SessionLive s) => new(
        s.Session.Value, s.Seq, s.Title, s.Status, s.StartedAt, s.EndedAt,
        [.. s.Agenda.Select(a => new AgendaPhaseMessage(a.Title, a.Minutes, a.SpeakingRule))],
        s.Progress.Phase, s.Progress.Status, s.Progress.Deadline, s.Progress.Remaining?.TotalSeconds,
        [.. s.Present.Select(p => new ParticipantMessage(p.Member.Value, p.DisplayName, p.Role))],
        s.MainDocument.Value,
        s.MainRoom.Value,
        s.Breakout is { } b
            ? new BreakoutMessage(b.Round, b.Mode, b.Deadline, b.Closing,
                [.. b.Rooms.Select(r => new BreakoutRoomMessage(r.Room.Value, r.Name, r.Notes.Value, [.. r.Members.Select(m => m.Value)]))])
            : null,
        s.RoundsClosed,
        s.Muted.IsDefault ? [] : [.. s.Muted.Select(m => m.Value)]);
}

/// <summary>The open breakout round.</summary>
public sealed record BreakoutMessage(Guid Round, BreakoutMode Assignment, Instant Deadline, bool Closing, IReadOnlyList<BreakoutRoomMessage> Rooms);

/// <summary>One breakout room and who is in it.</summary>
public sealed record BreakoutRoomMessage(Guid RoomId, string Name, Guid NotesDocumentId, IReadOnlyList<Guid> Members);

/// <summary>One agenda phase.</summary>
public sealed record AgendaPhaseMessage(string Title, int Minutes, string? SpeakingRule);

/// <summary>A member present in the session.</summary>
public sealed record ParticipantMessage(Guid MemberId, string DisplayName, CommunityRole Role);
