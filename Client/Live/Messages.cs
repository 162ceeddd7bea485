using CopLive.Collab.Text;

namespace CopLive.Client.Live;

// The live hub's wire messages as a client sees them (docs/protocol.md).

/// <summary>Reply to <c>OpenDocument</c>.</summary>
public sealed record OpenedDocument(Guid DocumentId, string Title, long Version, string Text, IReadOnlyList<RemoteCursor> Cursors);

/// <summary>Reply to <c>SubmitOp</c>.</summary>
public sealed record SubmitReply(long Version);

/// <summary>Reply to <c>GetOps</c>.</summary>
public sealed record OpsReply(Guid DocumentId, long HeadVersion, IReadOnlyList<RemoteOp> Ops);

/// <summary>A committed op.</summary>
public sealed record RemoteOp(long Version, TextOp Op, Guid Author, string ClientId, long Seq);

/// <summary>The <c>DocumentOps</c> event.</summary>
public sealed record DocumentOpsEvent(Guid DocumentId, IReadOnlyList<RemoteOp> Ops);

/// <summary>Someone's cursor.</summary>
public sealed record RemoteCursor(Guid MemberId, string DisplayName, string ClientId, int Anchor, int Head);

/// <summary>The <c>CursorsChanged</c> event.</summary>
public sealed record CursorsChangedEvent(Guid DocumentId, long Version, IReadOnlyList<RemoteCursor> Cursors);

/// <summary>The <c>SessionChanged</c> event and the reply of session commands: the complete live state of a session.</summary>
public sealed record SessionState(
    Guid SessionId,
    long Seq,
    string Title,
    string Status,
    IReadOnlyList<AgendaPhase> Agenda,
    int Phase,
    string AgendaStatus,
    NodaTime.Instant? Deadline,
    double? RemainingSeconds,
    IReadOnlyList<SessionParticipant> Present,
    Guid MainDocumentId,
    Guid MainRoomId,
    BreakoutState? Breakout,
    int RoundsClosed);

/// <summary>The open breakout round.</summary>
public sealed record BreakoutState(Guid Round, string Assignment, NodaTime.Instant Deadline, bool Closing, IReadOnlyList<BreakoutRoomState> Rooms);

/// <summary>One breakout room and who is in it.</summary>
public sealed record BreakoutRoomState(Guid RoomId, string Name, Guid NotesDocumentId, IReadOnlyList<Guid> Members);

/// <summary>The <c>RoomChanged</c> event: a room's complete state.</summary>
public sealed record RoomState(
    Guid RoomId, Guid SessionId, long Seq, string Name, string Kind, Guid NotesDocumentId, IReadOnlyList<Guid> Members,
    IReadOnlyList<RoomChatMessage> Chat, IReadOnlyList<RoomHand> Hands, IReadOnlyList<RoomHelpRequest> Help, bool Closed);

/// <summary>A chat message.</summary>
public sealed record RoomChatMessage(long Id, Guid AuthorId, string AuthorName, string Text, NodaTime.Instant At, bool Broadcast);

/// <summary>A raised hand.</summary>
public sealed record RoomHand(Guid MemberId, string Name, NodaTime.Instant At);

/// <summary>A request for help.</summary>
public sealed record RoomHelpRequest(long Id, Guid MemberId, string Name, string? Note, NodaTime.Instant At, string Status, Guid? ClaimedBy, string? ClaimedByName, NodaTime.Instant? ResolvedAt);

/// <summary>One agenda phase.</summary>
public sealed record AgendaPhase(string Title, int Minutes, string? SpeakingRule);

/// <summary>Someone present in a session.</summary>
public sealed record SessionParticipant(Guid MemberId, string DisplayName, string Role);
