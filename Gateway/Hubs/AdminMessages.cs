using CopLive.Grains.Communities;
using CopLive.Grains.Rooms;
using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Gateway.Hubs;

/// <summary>The reply of <c>OpenBoard</c>: who the console moderates, and everything it shows.</summary>
public sealed record BoardMessage(
    ModeratorMessage Moderator,
    IReadOnlyList<CommunityRowMessage> Communities,
    IReadOnlyList<SessionBoardMessage> Sessions,
    PulseMessage Pulse);

/// <summary>The console's identity and scope: the administrator sees everything, a facilitator the communities they facilitate or own.</summary>
public sealed record ModeratorMessage(bool IsAdmin, string Name, IReadOnlyList<Guid> Communities);

/// <summary>A community as the console lists it (the <c>CommunityChanged</c> event).</summary>
public sealed record CommunityRowMessage(Guid CommunityId, string Name, string TimeZone, int Members, int Facilitators, int SessionsLive, int SessionsScheduled);

/// <summary>
/// One session as a moderator watches it (the <c>SessionBoard</c> event): its row in the Sessions screen, its
/// rooms, members and help queue. Each event is complete; the highest <paramref name="Revision"/> wins.
/// </summary>
public sealed record SessionBoardMessage(
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
    IReadOnlyList<RoomRowMessage> Rooms,
    IReadOnlyList<MemberRowMessage> Members,
    IReadOnlyList<HelpRowMessage> Help);

/// <summary>A room of a live session.</summary>
public sealed record RoomRowMessage(Guid RoomId, string Name, RoomKind Kind, Guid NotesDocumentId, int Members, int Hands, int HelpOpen);

/// <summary>A member present in (or assigned to a room of) a live session.</summary>
public sealed record MemberRowMessage(Guid MemberId, string Name, CommunityRole Role, Guid? RoomId, string? Room, bool Online, bool Muted, bool HandRaised);

/// <summary>A help request of a live session's room, open or claimed.</summary>
public sealed record HelpRowMessage(Guid RoomId, string Room, long RequestId, Guid MemberId, string Member, string? Note, Instant At, HelpStatus Status, string? ClaimedBy);

/// <summary>The <c>Pulse</c> event, once a second: the console's figures, counted within its scope; the server's own figures are this gateway's.</summary>
public sealed record PulseMessage(
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

/// <summary>The reply of <c>WatchDocument</c>: the text now and who wrote it; <c>DocumentOps</c> events follow.</summary>
public sealed record WatchedDocumentMessage(Guid DocumentId, string Title, long Version, string Text, bool Locked, IReadOnlyList<ContributorMessage> Contributors);

/// <summary>What one member contributed to a document (code points present, inserted, deleted; ops).</summary>
public sealed record ContributorMessage(Guid MemberId, string Name, long Present, long Inserted, long Deleted, long Ops);

/// <summary>An audit log entry, with the community it belongs to.</summary>
public sealed record AuditRowMessage(Guid CommunityId, string Community, long Id, Instant At, string Actor, string Action, string? Target, string? Detail, string? Reason, string Outcome);
