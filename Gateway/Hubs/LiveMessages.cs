using CopLive.Collab.Text;

namespace CopLive.Gateway.Hubs;

/// <summary>Reply to <c>OpenDocument</c>.</summary>
public sealed record OpenDocumentResult(Guid DocumentId, string Title, long Version, string Text, IReadOnlyList<CursorMessage> Cursors, bool Locked);

/// <summary>Reply to <c>SubmitOp</c>: the version the op produced.</summary>
public sealed record SubmitOpResult(long Version);

/// <summary>Reply to <c>GetOps</c>: committed ops after the requested version.</summary>
public sealed record OpsResult(Guid DocumentId, long HeadVersion, IReadOnlyList<OpMessage> Ops);

/// <summary>One committed op, as broadcast and as returned by catch-up.</summary>
public sealed record OpMessage(long Version, TextOp Op, Guid Author, string ClientId, long Seq);

/// <summary>The <c>DocumentOps</c> event.</summary>
public sealed record DocumentOpsMessage(Guid DocumentId, IReadOnlyList<OpMessage> Ops);

/// <summary>One cursor.</summary>
public sealed record CursorMessage(Guid MemberId, string DisplayName, string ClientId, int Anchor, int Head);

/// <summary>The <c>CursorsChanged</c> event: all cursors, in code points of <see cref="Version"/>.</summary>
public sealed record CursorsChangedMessage(Guid DocumentId, long Version, IReadOnlyList<CursorMessage> Cursors);
