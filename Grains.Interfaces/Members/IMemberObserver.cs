using Orleans.Concurrency;

namespace CopLive.Grains.Members;

/// <summary>A gateway's subscription to a member with open connections there (one per gateway).</summary>
[Alias("coplive.IMemberObserver")]
public interface IMemberObserver : IGrainObserver
{
    /// <summary>
    /// The member just lost access somewhere (banned from a community, removed from a session): their open
    /// connections must be closed, so that every event subscription is dropped; the client reconnects and
    /// rejoins only what it may still see.
    /// </summary>
    [OneWay, Alias("AccessRevoked")]
    Task AccessRevoked(CopLive.Grains.Ids.MemberId member, string reason);
}
