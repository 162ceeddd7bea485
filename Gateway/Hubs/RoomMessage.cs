using CopLive.Grains.Rooms;
using NodaTime;

namespace CopLive.Gateway.Hubs;

/// <summary>The <c>RoomChanged</c> event and the reply of room commands: a room's complete state, numbered.</summary>
public sealed record RoomMessage(
    Guid RoomId,
    Guid SessionId,
    long Seq,
    string Name,
    RoomKind Kind,
    Guid NotesDocumentId,
    IReadOnlyList<Guid> Members,
    IReadOnlyList<ChatMessageDto> Chat,
    IReadOnlyList<HandDto> Hands,
    IReadOnlyList<HelpRequestDto> Help,
    bool Closed)
{
    public static RoomMessage From(RoomView r) => new(
        r.Id.Value, r.Session.Value, r.Seq, r.Name, r.Kind, r.Notes.Value, [.. r.Members.Select(m => m.Value)],
        [.. r.Chat.Select(c => new ChatMessageDto(c.Id, c.Author.Value, c.AuthorName, c.Text, c.At, c.Broadcast))],
        [.. r.Hands.Select(h => new HandDto(h.Member.Value, h.Name, h.At))],
        [.. r.Help.Select(h => new HelpRequestDto(h.Id, h.Member.Value, h.Name, h.Note, h.At, h.Status, h.ClaimedBy?.Value, h.ClaimedByName, h.ResolvedAt))],
        r.Closed);
}

/// <summary>A chat message.</summary>
public sealed record ChatMessageDto(long Id, Guid AuthorId, string AuthorName, string Text, Instant At, bool Broadcast);

/// <summary>A raised hand.</summary>
public sealed record HandDto(Guid MemberId, string Name, Instant At);

/// <summary>A request for help.</summary>
public sealed record HelpRequestDto(long Id, Guid MemberId, string Name, string? Note, Instant At, HelpStatus Status, Guid? ClaimedBy, string? ClaimedByName, Instant? ResolvedAt);
