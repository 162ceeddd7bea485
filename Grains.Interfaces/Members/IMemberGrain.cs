using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;

namespace CopLive.Grains.Members;

/// <summary>A person across all their communities.</summary>
[Alias("coplive.IMemberGrain")]
public interface IMemberGrain : IGrainWithGuidKey
{
    /// <summary>Subscribes a gateway's observer; subscriptions expire unless renewed.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(IMemberObserver observer);

    /// <summary>Ends a gateway's subscription.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IMemberObserver observer);

    /// <summary>The profile, or null when no member has this id (the member themselves and the administrator).</summary>
    [Alias("GetProfile")]
    Task<MemberProfile?> GetProfileAsync(Caller caller);

    /// <summary>
    /// The ended sessions the member attended, of communities they still belong to, newest first (the member
    /// themselves and the administrator).
    /// </summary>
    [Alias("GetPastSessions")]
    Task<ImmutableArray<Sessions.SessionSummary>> GetPastSessionsAsync(Caller caller);

    /// <summary>Upcoming sessions of every community the member belongs to (the member themselves and the administrator).</summary>
    [Alias("GetUpcomingSessions")]
    Task<ImmutableArray<CommunityUpcoming>> GetUpcomingSessionsAsync(Caller caller);
}
