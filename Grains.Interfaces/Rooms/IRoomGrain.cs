using System.Collections.Immutable;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;

namespace CopLive.Grains.Rooms;

/// <summary>
/// A room of a live session: its members, notes document, chat, raised hands and help queue. Who is in a
/// breakout room is decided by the session; anyone in the community may follow the main room; facilitators may
/// look into any room; once closed, a room stays readable to the community.
/// </summary>
[Alias("coplive.IRoomGrain")]
public interface IRoomGrain : IGrainWithGuidKey
{
    /// <summary>The room's state.</summary>
    [Alias("Get")]
    Task<RoomView> GetAsync(Caller caller);

    /// <summary>
    /// A connection of a facilitator starts (or stops) watching this breakout room without being in it; the room's
    /// members see who is watching. Watching is not joining: a facilitator who wants to talk in the room joins it
    /// (the session's MoveMember, moving themselves).
    /// </summary>
    [Alias("Watch")]
    Task<RoomView> WatchAsync(Caller caller, string connectionId, bool watching);

    /// <summary>
    /// Posts a chat message (1–2,000 characters). <paramref name="messageId"/> is the sender's id for the message: sent
    /// again (a retry after a lost reply), it is not posted twice.
    /// </summary>
    [Alias("SendChat")]
    Task<RoomView> SendChatAsync(Caller caller, string text, Guid messageId);

    /// <summary>Raises or lowers the caller's hand.</summary>
    [Alias("SetHand")]
    Task<RoomView> SetHandAsync(Caller caller, bool raised);

    /// <summary>Asks a facilitator for help.</summary>
    [Alias("AskForHelp")]
    Task<RoomView> AskForHelpAsync(Caller caller, string? note);

    /// <summary>A facilitator takes a help request.</summary>
    [Alias("ClaimHelp")]
    Task<RoomView> ClaimHelpAsync(Caller caller, long requestId);

    /// <summary>Marks a help request done (a facilitator, or the member who asked).</summary>
    [Alias("ResolveHelp")]
    Task<RoomView> ResolveHelpAsync(Caller caller, long requestId);

    /// <summary>Subscribes a gateway's observer.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(IRoomObserver observer);

    /// <summary>Ends a gateway's subscription.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IRoomObserver observer);
}
