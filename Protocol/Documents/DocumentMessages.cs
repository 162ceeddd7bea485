using CopLive.Collab.Text;

namespace CopLive.Protocol.Documents;

/// <summary>Reply to <c>OpenDocument</c>: the text at <paramref name="Version"/>, its cursors and whether it is locked.</summary>
public sealed record OpenedDocument(Guid DocumentId, string Title, long Version, string Text, IReadOnlyList<RemoteCursor> Cursors, bool Locked);

/// <summary>Reply to <c>SubmitOp</c>: the version the op produced, once it is stored.</summary>
public sealed record SubmitReply(long Version);

/// <summary>Reply to <c>GetOps</c>: stored ops after the version asked for, at most one page of them.</summary>
public sealed record OpsReply(Guid DocumentId, long HeadVersion, IReadOnlyList<RemoteOp> Ops);

/// <summary>
/// A stored op, as broadcast and as returned by catch-up; (<paramref name="ClientId"/>, <paramref name="Seq"/>) names it
/// for its author. <paramref name="At"/>, when it was stored, comes with the REST history (<c>GET /api/documents/{id}/ops</c>)
/// and is left out of the live stream, where every byte of every op counts.
/// </summary>
public sealed record RemoteOp(long Version, TextOp Op, Guid Author, string ClientId, long Seq, NodaTime.Instant? At = null);

/// <summary>The <c>DocumentOps</c> event: ops in version order, with no gap from the last event.</summary>
public sealed record DocumentOpsEvent(Guid DocumentId, IReadOnlyList<RemoteOp> Ops);

/// <summary>Someone's cursor, in code points.</summary>
public sealed record RemoteCursor(Guid MemberId, string DisplayName, string ClientId, int Anchor, int Head);

/// <summary>The <c>CursorsChanged</c> event: every cursor, in code points of <paramref name="Version"/>.</summary>
public sealed record CursorsChangedEvent(Guid DocumentId, long Version, IReadOnlyList<RemoteCursor> Cursors);

/// <summary>The <c>DocumentLockChanged</c> event: a facilitator locked or unlocked the document.</summary>
public sealed record DocumentLockChangedEvent(Guid DocumentId, bool Locked);

/// <summary>Reply to <c>WatchDocument</c> (console): the text now and who wrote it; <c>DocumentOps</c> events follow.</summary>
public sealed record WatchedDocument(Guid DocumentId, string Title, long Version, string Text, bool Locked, IReadOnlyList<Contributor> Contributors);

/// <summary>What one member wrote in a document (code points present, inserted, deleted; ops).</summary>
public sealed record Contributor(Guid MemberId, string Name, long Present, long Inserted, long Deleted, long Ops);
