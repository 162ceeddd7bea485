using CopLive.Grains.Communities;
using CopLive.Grains.Ids;
using CopLive.Grains.Members;
using System.Collections.Immutable;

namespace CopLive.Silo.Grains.Members;

/// <summary>
/// A member as their communities and sessions see them: told of joins and departures, and asked to close the member's
/// connections when access is revoked. Internal to the silo: the gateway cannot reach these calls, which trust their
/// caller to be a grain that already checked the person behind the request.
/// </summary>
[Alias("coplive.IMemberGrainInternal")]
internal interface IMemberGrainInternal : IGrainWithGuidKey
{
    /// <summary>
    /// Records that the member joined a community; creates the profile on first join with the given name
    /// and zone. Called by the community, which has already checked the invite.
    /// </summary>
    [Alias("JoinedCommunity")]
    Task<MemberProfile> JoinedCommunityAsync(CommunityId community, string displayName, string timeZone);

    /// <summary>
    /// Records that the member attended a session (or its new status, at its end), so it stays findable among their
    /// past meetings. Called by the session.
    /// </summary>
    [Alias("Attended")]
    Task AttendedAsync(CopLive.Grains.Sessions.SessionSummary session);

    /// <summary>Records that the member left (or was removed from) a community. Called by the community.</summary>
    [Alias("LeftCommunity")]
    Task LeftCommunityAsync(CommunityId community);

    /// <summary>Tells the gateways holding this member's connections to close them (called by the grain that revoked access).</summary>
    [Alias("RevokeAccess")]
    Task RevokeAccessAsync(string reason);
}
