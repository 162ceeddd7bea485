using CopLive.Grains.Ids;
using CopLive.Grains.Rooms;
using CopLive.Grains.Security;
using System.Collections.Immutable;

namespace CopLive.Silo.Grains.Rooms;

/// <summary>
/// A room as its session sees it: the session creates it, decides who is in it, broadcasts to it, mutes in it and
/// closes it. Internal to the silo: the gateway cannot reach these calls, which trust their caller to be a grain that
/// already checked the person behind the request.
/// </summary>
[Alias("coplive.IRoomGrainInternal")]
internal interface IRoomGrainInternal : IGrainWithGuidKey
{
    /// <summary>Creates the room (its session only).</summary>
    [Alias("Initialize")]
    Task<RoomView> InitializeAsync(RoomSetup setup);

    /// <summary>Replaces who is in a breakout room (its session only).</summary>
    [Alias("SetMembers")]
    Task SetMembersAsync(ImmutableArray<MemberId> members);

    /// <summary>Posts a facilitator's broadcast (its session only).</summary>
    [Alias("Broadcast")]
    Task BroadcastAsync(MemberId from, string fromName, string text);

    /// <summary>Closes the room: open help requests are resolved, nothing more can be posted (its session only).</summary>
    [Alias("Close")]
    Task CloseAsync();

    /// <summary>Refuses (or again accepts) a member's chat; called by the session that muted them.</summary>
    [Alias("SetMuted")]
    Task SetMutedAsync(MemberId member, bool muted);

    /// <summary>Stops a member removed from the session taking part here (chat, hands, help); their hand drops.</summary>
    [Alias("Exclude")]
    Task ExcludeAsync(MemberId member);
}
