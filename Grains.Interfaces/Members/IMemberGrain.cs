using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Ids;

namespace CopLive.Grains.Members;

/// <summary>A person across all their communities.</summary>
[Alias("coplive.IMemberGrain")]
public interface IMemberGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Records that the member joined a community; creates the profile on first join with the given name
    /// and zone. Called by the community, which has already checked the invite.
    /// </summary>
    [Alias("JoinedCommunity")]
    Task<MemberProfile> JoinedCommunityAsync(CommunityId community, string displayName, string timeZone);

    /// <summary>Records that the member left (or was removed from) a community. Called by the community.</summary>
    [Alias("LeftCommunity")]
    Task LeftCommunityAsync(CommunityId community);

    /// <summary>Tells the gateways holding this member's connections to close them (called by the grain that revoked access).</summary>
    [Alias("RevokeAccess")]
    Task RevokeAccessAsync(string reason);

    /// <summary>Subscribes a gateway's observer; subscriptions expire unless renewed.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(IMemberObserver observer);

    /// <summary>Ends a gateway's subscription.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IMemberObserver observer);

    /// <summary>The profile, or null when no member has this id.</summary>
    [Alias("GetProfile")]
    Task<MemberProfile?> GetProfileAsync();

    /// <summary>Upcoming sessions of every community the member belongs to.</summary>
    [Alias("GetUpcomingSessions")]
    Task<ImmutableArray<CommunityUpcoming>> GetUpcomingSessionsAsync();
}
