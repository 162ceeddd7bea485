using NodaTime;

namespace CopLive.Protocol.Sessions;

/// <summary>
/// The <c>SessionChanged</c> event and the reply of session commands: the complete live state of a session,
/// numbered by <paramref name="Seq"/> (the highest wins).
/// </summary>
public sealed record SessionState(
    Guid SessionId,
    long Seq,
    string Title,
    SessionStatus Status,
    Instant? StartedAt,
    Instant? EndedAt,
    IReadOnlyList<AgendaPhase> Agenda,
    int Phase,
    AgendaStatus AgendaStatus,
    Instant? Deadline,
    double? RemainingSeconds,
    IReadOnlyList<SessionParticipant> Present,
    Guid MainDocumentId,
    Guid MainRoomId,
    BreakoutState? Breakout,
    int RoundsClosed,
    IReadOnlyList<Guid> Muted,
    Guid? RecorderId = null,
    IReadOnlyList<DecisionEntry>? Decisions = null,
    IReadOnlyList<ActionItemEntry>? ActionItems = null);

/// <summary>A decision marked during the meeting; <paramref name="Phase"/> is the agenda phase running then.</summary>
public sealed record DecisionEntry(Guid Id, string Text, Guid ById, string ByName, Instant At, int? Phase);

/// <summary>
/// An action item: its owner (a member), due date (<c>yyyy-MM-dd</c> in the session's zone), whether it is done, and
/// whether it was carried from an earlier meeting of the series.
/// </summary>
public sealed record ActionItemEntry(Guid Id, string Text, Guid? OwnerId, string? OwnerName, string? Due, bool Done, Instant CreatedAt, bool Carried);

/// <summary>Argument of <c>AddActionItem</c>: what, who (optional, a member id) and by when (optional, <c>yyyy-MM-dd</c>).</summary>
public sealed record ActionItemRequest(string Text, Guid? OwnerId, string? Due);

/// <summary>One agenda phase: its prompt and speaking rule are shown to everyone; a breakout phase opens a round as it starts and closes it as it ends.</summary>
public sealed record AgendaPhase(string Title, int Minutes, string? SpeakingRule, string? Prompt = null, PhaseBreakout? Breakout = null);

/// <summary>The round a breakout phase runs: how many rooms, and how members get in (<c>auto</c> or <c>self</c>).</summary>
public sealed record PhaseBreakout(int Rooms, BreakoutMode Assignment);

/// <summary>Someone present in a session.</summary>
public sealed record SessionParticipant(Guid MemberId, string DisplayName, MemberRole Role);

/// <summary>The open breakout round; <paramref name="Phase"/> is the agenda phase it belongs to (it ends with that phase), null for a round opened by hand.</summary>
public sealed record BreakoutState(Guid Round, BreakoutMode Assignment, Instant Deadline, bool Closing, IReadOnlyList<BreakoutRoomState> Rooms, int? Phase = null);

/// <summary>One breakout room and who is in it.</summary>
public sealed record BreakoutRoomState(Guid RoomId, string Name, Guid NotesDocumentId, IReadOnlyList<Guid> Members);

/// <summary>Argument of <c>OpenBreakouts</c>: a number of rooms or their names, how members get in, and how long.</summary>
public sealed record OpenBreakoutsRequest(
    int? Rooms,
    IReadOnlyList<string>? Names,
    BreakoutMode Assignment,
    int Minutes,
    IReadOnlyList<AssignmentRequest>? Assignments);

/// <summary>A member placed in a room (0-based index into the rooms), for manual assignment.</summary>
public sealed record AssignmentRequest(Guid MemberId, int Room);
