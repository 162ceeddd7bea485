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
    Guid MainDocumentId);

/// <summary>One agenda phase.</summary>
public sealed record AgendaPhase(string Title, int Minutes, string? SpeakingRule);

/// <summary>Someone present in a session.</summary>
public sealed record SessionParticipant(Guid MemberId, string DisplayName, string Role);
