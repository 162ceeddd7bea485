using CopLive.Grains.Ids;
using CopLive.Grains.Invites;

namespace CopLive.Silo.Grains.Invites;

/// <summary>
/// An invite code's directory entry as its community sees it: pointed at the community that issued the code. Internal
/// to the silo: the gateway cannot reach these calls, which trust their caller to be a grain that already checked the
/// person behind the request.
/// </summary>
[Alias("coplive.IInviteGrainInternal")]
internal interface IInviteGrainInternal : IGrainWithStringKey
{
    /// <summary>Points this code at its community. A code can belong to one community only.</summary>
    [Alias("Register")]
    Task RegisterAsync(CommunityId community);
}
