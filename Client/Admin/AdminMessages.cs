using NodaTime;

namespace CopLive.Client.Admin;

/// <summary>The reply of <c>OpenBoard</c>: the console's scope and everything it shows.</summary>
public sealed record Board(Moderator Moderator, IReadOnlyList<CommunityRow> Communities, IReadOnlyList<SessionBoard> Sessions, Pulse Pulse);

/// <summary>Who the console acts as, and which communities it sees (all of them for the administrator).</summary>
public sealed record Moderator(bool IsAdmin, string Name, IReadOnlyList<Guid> Communities);

/// <summary>A community (the <c>CommunityChanged</c> event).</summary>
public sealed record CommunityRow(Guid CommunityId, string Name, string TimeZone, int Members, int Facilitators, int SessionsLive, int SessionsScheduled);

/// <summary>One session as a moderator sees it (the <c>SessionBoard</c> event); the highest revision wins.</summary>
public sealed record SessionBoard(
    Guid SessionId,
    long Revision,
    Guid CommunityId,
    string Community,
    string Title,
    string Status,
    Instant Start,
    Instant End,
    string? Phase,
    string PhaseStatus,
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
public sealed record RoomRow(Guid RoomId, string Name, string Kind, Guid NotesDocumentId, int Members, int Hands, int HelpOpen);

/// <summary>A member in a live session.</summary>
public sealed record MemberRow(Guid MemberId, string Name, string Role, Guid? RoomId, string? Room, bool Online, bool Muted, bool HandRaised);

/// <summary>An open or claimed help request.</summary>
public sealed record HelpRow(Guid RoomId, string Room, long RequestId, Guid MemberId, string Member, string? Note, Instant At, string Status, string? ClaimedBy);

/// <summary>The <c>Pulse</c> event: figures of the console's scope, once a second; ops and write time are null where the gateway hosts no silo.</summary>
public sealed record Pulse(
    Instant At, int Connections, int Consoles, int Communities, int SessionsLive, int Rooms, int Participants,
    double? OpsPerSecond, int HelpOpen, double? StorageWriteMs);

/// <summary>A document followed read-only.</summary>
public sealed record WatchedDocument(Guid DocumentId, string Title, long Version, string Text, bool Locked, IReadOnlyList<Contributor> Contributors);

/// <summary>What one member wrote in a document (code points present, inserted, deleted; ops).</summary>
public sealed record Contributor(Guid MemberId, string Name, long Present, long Inserted, long Deleted, long Ops);

/// <summary>An audit log entry.</summary>
public sealed record AuditRow(Guid CommunityId, string Community, long Id, Instant At, string Actor, string Action, string? Target, string? Detail, string? Reason, string Outcome);
