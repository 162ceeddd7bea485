using NodaTime;

namespace CopLive.Protocol.Rooms;

/// <summary>The <c>RoomChanged</c> event and the reply of room commands: a room's complete state, numbered by <paramref name="Seq"/>.</summary>
public sealed record RoomState(
    Guid RoomId,
    Guid SessionId,
    long Seq,
    string Name,
    RoomKind Kind,
    Guid NotesDocumentId,
    IReadOnlyList<Guid> Members,
    IReadOnlyList<RoomChatMessage> Chat,
    IReadOnlyList<RoomHand> Hands,
    IReadOnlyList<RoomHelpRequest> Help,
    bool Closed,
    IReadOnlyList<RoomWatcherEntry>? Watchers = null);

/// <summary>A facilitator watching a breakout room without being in it; the room's members see a badge.</summary>
public sealed record RoomWatcherEntry(Guid MemberId, string Name);

/// <summary>A chat message; <paramref name="Broadcast"/> when a facilitator sent it to every room.</summary>
public sealed record RoomChatMessage(long Id, Guid AuthorId, string AuthorName, string Text, Instant At, bool Broadcast);

/// <summary>A raised hand.</summary>
public sealed record RoomHand(Guid MemberId, string Name, Instant At);

/// <summary>A request for help.</summary>
public sealed record RoomHelpRequest(long Id, Guid MemberId, string Name, string? Note, Instant At, HelpStatus Status, Guid? ClaimedBy, string? ClaimedByName, Instant? ResolvedAt);
