using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using NodaTime;

namespace CopLive.Protocol.Moderation;

/// <summary>Reply to <c>OpenBoard</c>: who the console moderates, and everything it shows.</summary>
public sealed record Board(Moderator Moderator, IReadOnlyList<CommunityRow> Communities, IReadOnlyList<SessionBoard> Sessions, Pulse Pulse);

/// <summary>The console's identity and scope: the administrator sees everything, a facilitator the communities they facilitate or own.</summary>
public sealed record Moderator(bool IsAdmin, string Name, IReadOnlyList<Guid> Communities);

/// <summary>A community as the console lists it (the <c>CommunityChanged</c> event).</summary>
public sealed record CommunityRow(Guid CommunityId, string Name, string TimeZone, int Members, int Facilitators, int SessionsLive, int SessionsScheduled);

/// <summary>
/// One session as a moderator watches it (the <c>SessionBoard</c> event): its row in the Sessions screen, its
/// rooms, members and help queue. Each event is complete; the highest <paramref name="Revision"/> wins.
/// </summary>
public sealed record SessionBoard(
    Guid SessionId,
    long Revision,
    Guid CommunityId,
    string Community,
    string Title,
    SessionStatus Status,
    Instant Start,
    Instant End,
    string? Phase,
    AgendaStatus PhaseStatus,
    Instant? PhaseDeadline,
    double? PhaseRemainingSeconds,
    Instant? RoundDeadline,
    int Online,
    int Expected,
    Guid MainDocumentId,
    IReadOnlyList<RoomRow> Rooms,
    IReadOnlyList<MemberRow> Members,
    IReadOnlyList<HelpRow> Help);

/// <summary>A room of a live session.</summary>
public sealed record RoomRow(Guid RoomId, string Name, RoomKind Kind, Guid NotesDocumentId, int Members, int Hands, int HelpOpen);

/// <summary>A member present in (or assigned to a room of) a live session.</summary>
public sealed record MemberRow(Guid MemberId, string Name, MemberRole Role, Guid? RoomId, string? Room, bool Online, bool Muted, bool HandRaised);

/// <summary>A help request of a live session's room, open or claimed.</summary>
public sealed record HelpRow(Guid RoomId, string Room, long RequestId, Guid MemberId, string Member, string? Note, Instant At, HelpStatus Status, string? ClaimedBy);

/// <summary>
/// The <c>Pulse</c> event, once a second: the console's figures, counted within its scope; ops and write time are
/// this gateway's own, and null where it hosts no silo.
/// </summary>
public sealed record Pulse(
    Instant At,
    int Connections,
    int Consoles,
    int Communities,
    int SessionsLive,
    int Rooms,
    int Participants,
    double? OpsPerSecond,
    int HelpOpen,
    double? StorageWriteMs);

/// <summary>An audit log entry, with the community it belongs to; <paramref name="Action"/> is <c>{what}.{happened}</c>, <paramref name="Outcome"/> <c>done</c> or <c>refused</c>.</summary>
public sealed record AuditRow(Guid CommunityId, string Community, long Id, Instant At, string Actor, string Action, string? Target, string? Detail, string? Reason, string Outcome);
