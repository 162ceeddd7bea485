using CopLive.Grains.Directory;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;

namespace CopLive.Silo.Grains.Directory;

/// <summary>
/// The directory as communities and sessions see it: told of each new community and each session that changes. Internal
/// to the silo: the gateway cannot reach these calls, which trust their caller to be a grain that already checked the
/// person behind the request.
/// </summary>
[Alias("coplive.IDirectoryGrainInternal")]
internal interface IDirectoryGrainInternal : IGrainWithIntegerKey
{
    /// <summary>Records a new community.</summary>
    [Alias("CommunityCreated")]
    Task CommunityCreatedAsync(CommunityId community, string name);

    /// <summary>Records a session's new schedule or status.</summary>
    [Alias("SessionChanged")]
    Task SessionChangedAsync(SessionSummary summary);
}
