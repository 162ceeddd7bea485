using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Rooms;

/// <summary>
/// A chat message; <see cref="Broadcast"/> marks a facilitator's message to every room. <see cref="MessageId"/> is
/// the sender's own id for it, so a send retried after a lost reply posts it once.
/// </summary>
[GenerateSerializer, Immutable, Alias("coplive.ChatMessage")]
public sealed record ChatMessage(
    [property: Id(0)] long Id,
    [property: Id(1)] MemberId Author,
    [property: Id(2)] string AuthorName,
    [property: Id(3)] string Text,
    [property: Id(4)] Instant At,
    [property: Id(5)] bool Broadcast,
    [property: Id(6)] Guid MessageId);
